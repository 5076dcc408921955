import { calcPrice, type PriceCalculationResult, type PriceOptions, type Provider, type Usage } from '@pydantic/genai-prices';

// What a name and provider options found: the provider holding only the model found, or null (nothing).
const found = new Map<string, Provider | null>();

/**
 * `calcPrice` with the search remembered. Finding the provider (a RegExp per provider against the
 * URL) and the model (a match over each of the provider's models) depends only on the name and
 * the options, never on the usage or the time, and costs three times the pricing itself. After
 * the first call, the same name is priced on a provider holding only the model found, which
 * matches it at once; the time still picks among its prices. Same results as `calcPrice`.
 */
export function calcPriceFound(usage: Usage, model: string, options: PriceOptions = {}): PriceCalculationResult {
  // A provider handed in is searched already (and may differ between calls under one id); litellm's
  // `provider/model` names are rewritten inside calcPrice: both are left to it.
  if (options.provider || options.providerId?.toLowerCase() === 'litellm') return calcPrice(usage, model, options);
  const key = `${model}\0${options.providerApiUrl ?? ''}\0${options.providerId ?? ''}`;
  const known = found.get(key);
  if (known === null) return null;
  const at = options.timestamp ? { timestamp: options.timestamp } : {};
  if (known) return calcPrice(usage, model, { provider: known, ...at });
  const result = calcPrice(usage, model, options);
  // A model found through a fallback provider is kept with the provider that was asked (the result's).
  found.set(key, result ? { ...result.provider, models: [result.model], fallback_model_providers: undefined } : null);
  return result;
}
