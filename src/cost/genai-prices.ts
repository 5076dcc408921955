import { calcPrice, type PriceOptions } from '@pydantic/genai-prices';
import type { PriceQuery, PriceTable } from './price-table.js';

/**
 * List prices from @pydantic/genai-prices' bundled data (offline; never fetched at run time).
 * The provider is matched by the request URL, the model by name, prices at the recording date.
 */
export const genaiPrices: PriceTable = (query) => {
  const usage = genaiUsage(query);
  const at: PriceOptions = query.at ? { timestamp: query.at } : {};
  const route = routeProvider(query.model);
  try {
    for (const model of modelNames(query.model)) {
      const result =
        calcPrice(usage, model, { providerApiUrl: query.url, ...at }) ??
        (route ? calcPrice(usage, model, { providerId: route, ...at }) : null) ??
        calcPrice(usage, model, at);
      if (result) return { cost: result.total_price, pricedAs: `${result.provider.id}/${result.model.id}` };
    }
    return { reason: `unknown model "${query.model}"` };
  } catch (error) {
    return { reason: `no price for "${query.model}" (${(error as Error).message})` };
  }
};

/**
 * genai-prices' usage keys. Some APIs (xAI through Azure) report more cached tokens than input
 * tokens; the cached part can never exceed the input, so it is capped rather than refused.
 * Reasoning is passed as the part of the output it is, priced wherever the table has a price for it.
 */
function genaiUsage(q: PriceQuery): Record<string, number | undefined> {
  const cacheRead = Math.min(q.cacheReadTokens, q.inputTokens);
  const cacheWrite = Math.min(q.cacheWriteTokens, q.inputTokens - cacheRead);
  const reasoning = Math.min(q.reasoningTokens ?? 0, q.outputTokens);
  return {
    input_tokens: q.inputTokens,
    output_tokens: q.outputTokens,
    cache_read_tokens: cacheRead || undefined,
    cache_write_tokens: cacheWrite || undefined,
    output_reasoning_tokens: reasoning || undefined,
  };
}

/** Hugging Face's router names the serving provider after the model: `moonshotai/Kimi-K2:groq`. */
function routeProvider(model: string): string | undefined {
  const suffix = /:([a-z][a-z-]*)$/i.exec(model)?.[1]?.toLowerCase();
  return suffix && !/^(free|beta|nitro|floor|extended|thinking|latest)$/.test(suffix) ? suffix : undefined;
}

/**
 * The recorded name, then the names a price table is likelier to know: Bedrock's
 * `us.anthropic.claude-…-v1:0` is Anthropic's `claude-…`, OpenRouter-style `vendor/model:route`
 * is `model`.
 */
export function modelNames(model: string): string[] {
  const names = [model];
  let m = model.replace(/:(free|beta|groq|nitro|floor|extended|thinking)$/i, '');
  names.push(m);
  if (routeProvider(model)) m = m.replace(/:[a-z][a-z-]*$/i, '');
  names.push(m, m.toLowerCase());
  m = m.replace(/^(us|eu|apac|global|jp|au|us-gov)\./, '');
  names.push(m);
  m = m.replace(/^(anthropic|amazon|meta|cohere|mistral|ai21|openai|deepseek|qwen|writer)\./, '').replace(/-v\d+(:\d+)?$/, '');
  names.push(m);
  const last = m.slice(m.lastIndexOf('/') + 1).toLowerCase();
  names.push(last, last.replace(/:/g, '-'));
  return [...new Set(names.filter(Boolean))];
}
