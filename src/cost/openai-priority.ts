import type { ModelPrice } from '@pydantic/genai-prices';

/** USD per million tokens on OpenAI's Priority processing tier: uncached input, cached input, output. */
interface PriorityPrice {
  input: number;
  cached: number | undefined;
  output: number;
}

const price = (input: number, cached: number | undefined, output: number): PriorityPrice => ({ input, cached, output });

/**
 * OpenAI's Priority processing prices, by the model id genai-prices gives the call (`gpt-4o` for
 * `gpt-4o-2024-08-06`, `gpt-5` for `gpt-5-codex`). Source: https://openai.com/api-priority-processing/
 * (the table of "Price per 1M input tokens / input tokens (cached) / output tokens"). Requests over
 * 128K prompt tokens are not served on this tier (the response then says `service_tier: default`).
 */
const PRIORITY: Readonly<Record<string, PriorityPrice>> = {
  'gpt-5.4': price(5, 0.5, 30),
  'gpt-5.4-mini': price(1.5, 0.15, 9),
  'gpt-5.2': price(3.5, 0.35, 28),
  'gpt-5.1': price(2.5, 0.25, 20),
  'gpt-5': price(2.5, 0.25, 20),
  'gpt-5-mini': price(0.45, 0.045, 3.6),
  'gpt-4.1': price(3.5, 0.875, 14),
  'gpt-4.1-mini': price(0.7, 0.175, 2.8),
  'gpt-4.1-nano': price(0.2, 0.05, 0.8),
  'gpt-4o': price(4.25, 2.125, 17),
  'gpt-4o-2024-05-13': price(8.75, undefined, 26.25),
  'gpt-4o-mini': price(0.25, 0.125, 1),
  o3: price(3.5, 0.875, 14),
  'o4-mini': price(2, 0.5, 8),
};

/** Text tokens of one call, the only kinds the Priority table prices. */
export interface PriorityTokens {
  input: number;
  cacheRead: number;
  output: number;
}

/**
 * A standard price per million at this prompt size: a long-context price (gpt-5.4's 2x above 272K,
 * `{base, tiers}`) is its tier for the prompt, as genai-prices picks it (`tokens > start`).
 */
function atPromptSize(value: ModelPrice[string], promptTokens: number): number | undefined {
  if (value === undefined || typeof value === 'number') return value;
  let price = value.base;
  for (const tier of value.tiers) if (promptTokens > tier.start) price = tier.price;
  return price;
}

/**
 * What a call served on the Priority tier costs beyond its standard price (USD): each token kind's
 * priority price less the standard one, so per-call fees the standard price holds (web searches)
 * stay as they are. Undefined when the tier has no published price for the model.
 */
export function priorityExtra(modelId: string, standard: ModelPrice, tokens: PriorityTokens): number | undefined {
  const p = PRIORITY[modelId];
  const input = atPromptSize(standard.input_mtok, tokens.input);
  const output = atPromptSize(standard.output_mtok, tokens.input);
  const cached = atPromptSize(standard.cache_read_mtok, tokens.input) ?? input;
  if (!p || typeof input !== 'number' || typeof output !== 'number' || typeof cached !== 'number') return undefined;
  const uncached = tokens.input - tokens.cacheRead;
  const extra = uncached * (p.input - input) + tokens.cacheRead * ((p.cached ?? p.input) - cached) + tokens.output * (p.output - output);
  return extra / 1e6;
}
