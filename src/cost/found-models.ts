import { calcPrice, type ModelPrice, type PriceCalculationResult, type PriceOptions, type Provider, type Usage } from '@pydantic/genai-prices';
import { flatPrice, usageShape } from './flat-price.js';

// What a name and provider options found: the provider holding only the model found, or null (nothing).
const found = new Map<string, Provider | null>();

// Per price object, the usage shapes (see usageShape) for which flatPrice answered as calcPrice did
// (true) or did not (false): checked once each, then flatPrice alone prices that shape.
const checked = new WeakMap<ModelPrice, Map<string, boolean>>();

/**
 * `calcPrice` with the search remembered. Finding the provider (a RegExp per provider against the
 * URL) and the model (a match over each of the provider's models) depends only on the name and
 * the options, never on the usage or the time, and costs three times the pricing itself. After
 * the first call, the same name is priced on a provider holding only the model found, which
 * matches it at once; the time still picks among its prices. A model with one flat price is then
 * priced by flatPrice (microseconds, not the ~0.2 ms of genai-prices' unit checks), once its
 * usage shape was checked against calcPrice. Same results as `calcPrice`.
 */
export function calcPriceFound(usage: Usage, model: string, options: PriceOptions = {}): PriceCalculationResult {
  // A provider handed in is searched already (and may differ between calls under one id); litellm's
  // `provider/model` names are rewritten inside calcPrice: both are left to it.
  if (options.provider || options.providerId?.toLowerCase() === 'litellm') return calcPrice(usage, model, options);
  const key = `${model}\0${options.providerApiUrl ?? ''}\0${options.providerId ?? ''}`;
  const known = found.get(key);
  if (known === null) return null;
  const at = options.timestamp ? { timestamp: options.timestamp } : {};
  if (known) return priceKnown(usage, model, known, at);
  const result = calcPrice(usage, model, options);
  // A model found through a fallback provider is kept with the provider that was asked (the result's).
  found.set(key, result ? providerOnly(result.provider, result.model) : null);
  return result;
}

/**
 * `{ ...provider, models: [model], fallback_model_providers: undefined }` without reading the
 * provider's properties: the bundled data reads a provider's usage extractors from their own file
 * the first time the property is read (scripts/compact-prices.mjs), and a price lookup never needs them.
 */
export function providerOnly(provider: Provider, model: Provider['models'][number]): Provider {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(provider)) as Provider;
  Object.defineProperty(copy, 'models', { value: [model], enumerable: true, configurable: true, writable: true });
  Object.defineProperty(copy, 'fallback_model_providers', { value: undefined, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** calcPrice on a provider holding only the model a name found before, by flatPrice where it was checked. */
function priceKnown(usage: Usage, model: string, known: Provider, at: PriceOptions): PriceCalculationResult {
  const info = known.models[0];
  const prices = info?.prices;
  // A price history or hours of the day: the time picks the price, which genai-prices does.
  if (!info || !prices || Array.isArray(prices)) return calcPrice(usage, model, { provider: known, ...at });
  const usages = usage as Record<string, number | undefined>;
  const shape = usageShape(usages);
  let shapes = checked.get(prices);
  if (!shapes) checked.set(prices, (shapes = new Map()));
  const ok = shapes.get(shape);
  if (ok) {
    const flat = flatPrice(prices, usages);
    if (flat) return { auto_update_timestamp: undefined, model: info, model_price: prices, provider: known, ...flat };
  }
  const result = calcPrice(usage, model, { provider: known, ...at });
  if (ok === undefined) {
    const flat = result ? flatPrice(prices, usages) : undefined;
    shapes.set(shape, flat !== undefined && result !== null && result.model_price === prices && Object.is(flat.input_price, result.input_price) && Object.is(flat.output_price, result.output_price) && Object.is(flat.total_price, result.total_price));
  }
  return result;
}
