import { calcPrice } from '@pydantic/genai-prices';
import type { PriceQuery, PriceTable } from './price-table.js';

/**
 * List prices from @pydantic/genai-prices' bundled data (offline; never fetched at run time).
 * The provider is matched by the request URL, the model by name, prices at the recording date.
 */
export const genaiPrices: PriceTable = (query) => {
  const usage = {
    input_tokens: query.inputTokens,
    output_tokens: query.outputTokens,
    cache_read_tokens: query.cacheReadTokens || undefined,
    cache_write_tokens: query.cacheWriteTokens || undefined,
  };
  const at = query.at ? { timestamp: query.at } : {};
  try {
    for (const model of modelNames(query.model)) {
      const result = calcPrice(usage, model, { providerApiUrl: query.url, ...at }) ?? calcPrice(usage, model, at);
      if (result) return { cost: result.total_price, pricedAs: `${result.provider.id}/${result.model.id}` };
    }
    return { reason: `unknown model "${query.model}"` };
  } catch (error) {
    return { reason: `no price for "${query.model}" (${(error as Error).message})` };
  }
};

/**
 * The recorded name, then the names a price table is likelier to know: Bedrock's
 * `us.anthropic.claude-…-v1:0` is Anthropic's `claude-…`, OpenRouter-style `vendor/model:route`
 * is `model`.
 */
export function modelNames(model: string): string[] {
  const names = [model];
  let m = model.replace(/:(free|beta|groq|nitro|floor|extended|thinking)$/i, '');
  names.push(m);
  m = m.replace(/^(us|eu|apac|global|jp|au|us-gov)\./, '');
  names.push(m);
  m = m.replace(/^(anthropic|amazon|meta|cohere|mistral|ai21|openai|deepseek|qwen|writer)\./, '').replace(/-v\d+(:\d+)?$/, '');
  names.push(m);
  const last = m.slice(m.lastIndexOf('/') + 1).toLowerCase();
  names.push(last, last.replace(/:/g, '-'));
  return [...new Set(names.filter(Boolean))];
}

/** Models served from this machine cost nothing per call. */
export function isLocal(query: Pick<PriceQuery, 'url'>): boolean {
  try {
    return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/.test(new URL(query.url).hostname);
  } catch {
    return false;
  }
}
