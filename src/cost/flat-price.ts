import type { ModelPrice } from '@pydantic/genai-prices';

/** The token counts genaiPrices hands to genai-prices (see genaiUsage in genai-prices.ts). */
export type TokenUsage = Record<string, number | undefined>;

/** What `calcPrice` returns for the money: USD by direction and in total. */
export interface FlatPrice {
  input_price: number;
  output_price: number;
  total_price: number;
}

// The usage keys genaiUsage writes, each with its price key, the unit size and the more specific
// keys among them whose tokens are billed at their own price when the model has one (genai-prices'
// unit dimensions: a cache read is an input token, a 1-hour cache write a cache write, reasoning output).
const UNITS = {
  input_tokens: { price: 'input_mtok', output: false, within: ['cache_read_tokens', 'cache_write_tokens', 'cache_write_1h_tokens'] },
  cache_read_tokens: { price: 'cache_read_mtok', output: false, within: [] },
  cache_write_tokens: { price: 'cache_write_mtok', output: false, within: ['cache_write_1h_tokens'] },
  cache_write_1h_tokens: { price: 'cache_write_1h_mtok', output: false, within: [] },
  output_tokens: { price: 'output_mtok', output: true, within: ['output_reasoning_tokens'] },
  output_reasoning_tokens: { price: 'output_reasoning_mtok', output: true, within: [] },
} as const;
type UsageKey = keyof typeof UNITS;
const BY_PRICE = new Map<string, UsageKey>(Object.entries(UNITS).map(([usage, unit]) => [unit.price, usage as UsageKey]));
// A fee per request, in genai-prices' third bucket (neither input nor output).
const REQUESTS = 'requests_kcount';

/**
 * `calcPrice`'s arithmetic for a model with flat prices (no tiers) and whole token counts, done
 * directly: each priced key's tokens (its own count minus the more specific priced keys' within
 * it) times its price per million, summed by direction in the order of the price object's keys,
 * as genai-prices sums them, so the result is the same number to the last bit. Undefined when the
 * usage or the prices are of another kind (tiers, fractions, a key not listed above): ask
 * genai-prices. Other price keys (audio, images, searches) get no tokens from genaiUsage and add
 * nothing. The caller still checks each new combination of prices and usage keys against
 * genai-prices once (see calcPriceFound), since genai-prices may refuse one (a cache price without
 * an input price) where this would answer.
 */
export function flatPrice(prices: ModelPrice, usage: TokenUsage): FlatPrice | undefined {
  for (const key in usage) {
    const v = usage[key];
    // genaiUsage writes every key it knows, unset ones as undefined (web_searches among them): only a set one counts.
    if (v !== undefined && (!(key in UNITS) || !(Number.isSafeInteger(v) && v >= 0))) return undefined;
  }
  const own = (key: UsageKey): number => {
    let n = usage[key] ?? 0;
    for (const inner of UNITS[key].within) if (typeof prices[UNITS[inner].price as keyof ModelPrice] === 'number') n -= own(inner);
    return n;
  };
  let input = 0;
  let output = 0;
  let other = 0;
  for (const [key, price] of Object.entries(prices)) {
    if (price === undefined) continue;
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) return undefined;
    const unit = BY_PRICE.get(key);
    if (unit) {
      const tokens = own(unit);
      if (tokens < 0) return undefined;
      if (UNITS[unit].output) output += (price * tokens) / 1e6;
      else input += (price * tokens) / 1e6;
    } else if (key === REQUESTS) other += price / 1e3;
  }
  return { input_price: input, output_price: output, total_price: input + output + other };
}

/** Which usage keys hold tokens: flatPrice's answers are checked once per price object and shape. */
export function usageShape(usage: TokenUsage): string {
  let shape = '';
  for (const key in usage) if ((usage[key] ?? 0) > 0) shape += `${key},`;
  return shape;
}
