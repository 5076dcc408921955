import type { PriceCalculation, PriceOptions } from '@pydantic/genai-prices';
import { calcPriceFound as calcPrice } from './found-models.js';
import { bedrockEndpoint } from './bedrock-region.js';
import { priorityExtra } from './openai-priority.js';
import { audioSupplement, BEDROCK_SUPPLEMENT, deepSeekHistoryProvider, correctedRowProvider, longContextProvider, perplexityRequestFee } from './price-supplements.js';
import type { PriceAnswer, PriceQuery, PriceTable } from './price-table.js';

/**
 * List prices from @pydantic/genai-prices' bundled data (offline; never fetched at run time).
 * The provider is matched by the request URL, the model by name, prices at the recording date.
 * Every name variant is tried at the URL's provider first (Bedrock: the Bedrock rate, with the
 * supplement of `price-supplements.ts`), then by model name alone; a Bedrock call priced that way
 * says so in `note`. Long-context tiers, DeepSeek's later prices and Perplexity request fees are applied on top.
 */
export const genaiPrices: PriceTable = (query) => {
  const usage = genaiUsage(query);
  const at: PriceOptions = query.at ? { timestamp: query.at } : {};
  const bedrock = bedrockEndpoint(query.url);
  const url = bedrock?.url ?? query.url;
  const route = routeProvider(query.model);
  try {
    const names = modelNames(query.model);
    for (const model of names) {
      const result =
        calcPrice(usage, model, { providerApiUrl: url, ...at }) ??
        (bedrock ? calcPrice(usage, model, { provider: BEDROCK_SUPPLEMENT, ...at }) : null) ??
        (route ? calcPrice(usage, model, { providerId: route, ...at }) : null);
      if (result) return answer(result, usage, model, query, at, bedrock?.note);
    }
    for (const model of names) {
      const result = calcPrice(usage, model, at);
      const elsewhere = bedrock && result ? `no Bedrock price for "${query.model}": priced at ${result.provider.name}'s own API rate` : undefined;
      if (result) return answer(result, usage, model, query, at, [bedrock?.note, elsewhere].filter(Boolean).join('; ') || undefined);
    }
    // No table knows the model at any time: the time does not change this answer.
    return { reason: `unknown model "${query.model}"`, dated: false };
  } catch (error) {
    return { reason: `no price for "${query.model}" (${(error as Error).message})` };
  }
};

function answer(result: PriceCalculation, usage: Record<string, number | undefined>, model: string, query: PriceQuery, at: PriceOptions, note: string | undefined): PriceAnswer {
  const supplement = longContextProvider(result, query.inputTokens) ?? deepSeekHistoryProvider(result, query.at) ?? correctedRowProvider(result, model, query.url);
  const priced = (supplement ? calcPrice(usage, model, { provider: supplement, ...at }) : null) ?? result;
  let cost = priced.total_price;
  const fee = result.provider.id === 'perplexity' ? perplexityRequestFee(result.model.id, query.searchContextSize) : undefined;
  const tableFee = result.model_price.requests_kcount;
  if (fee !== undefined && typeof tableFee === 'number') cost += fee - tableFee / 1000;
  // A table without a 1-hour cache-write price (Bedrock's Claude rows) priced those writes as 5-minute
  // ones; Anthropic and AWS publish the 1-hour write at 2x the base input price.
  const p = priced.model_price;
  const oneHour = usage.cache_write_1h_tokens ?? 0;
  if (oneHour > 0 && p.cache_write_1h_mtok === undefined && typeof p.input_mtok === 'number' && typeof p.cache_write_mtok === 'number') {
    cost += (oneHour * (2 * p.input_mtok - p.cache_write_mtok)) / 1e6;
  }
  // A table without an audio price for OpenAI's audio preview models priced their audio as text.
  cost += audioSupplement(priced.model.id, p, usage.input_audio_tokens ?? 0, usage.output_audio_tokens ?? 0);
  // OpenAI's Flex processing is billed at Batch API rates, half the standard price of every token kind.
  const flex = query.serviceTier === 'flex' && priced.provider.id === 'openai';
  if (flex) cost /= 2;
  // Priority processing: a premium per token kind over the standard price, from OpenAI's own table.
  const priority = query.serviceTier === 'priority' && priced.provider.id === 'openai' ? priorityPrice(priced, usage) : undefined;
  if (priority?.extra !== undefined) cost += priority.extra;
  const regional = vertexRegionalClaude(query.url, priced.model.id);
  if (regional) cost *= 1.1;
  // Anthropic's US-only inference (`inference_geo: "us"`, Opus 4.6 and later): 1.1x every token price.
  // Source: https://platform.claude.com/docs/en/manage-claude/data-residency (pricing section).
  const usOnly = query.inferenceGeo === 'us' && priced.provider.id === 'anthropic';
  if (usOnly) cost *= 1.1;
  // A model with a price history (or hours of the day) is priced at the recording time; one without is not.
  const dated = Array.isArray(result.model.prices) || Array.isArray(priced.model.prices);
  const tier = flex ? ' (flex)' : priority?.extra !== undefined ? ' (priority)' : '';
  const out: PriceAnswer = { cost, pricedAs: `${priced.provider.id}/${priced.model.id}${tier}${regional ? ' (Vertex AI regional endpoint, +10%)' : ''}${usOnly ? ' (US-only inference, +10%)' : ''}`, dated };
  const notes = [note, priority?.note].filter(Boolean).join('; ');
  if (notes) out.note = notes;
  return out;
}

/** The Priority tier's extra cost, or a note saying why the call is priced at the standard rate. */
function priorityPrice(priced: PriceCalculation, usage: Record<string, number | undefined>): { extra?: number; note?: string } {
  // Audio tokens have no Priority price (the tier serves text and image models).
  const audio = (usage.input_audio_tokens ?? 0) + (usage.output_audio_tokens ?? 0) > 0;
  const tokens = { input: usage.input_tokens ?? 0, cacheRead: usage.cache_read_tokens ?? 0, output: usage.output_tokens ?? 0 };
  const extra = audio ? undefined : priorityExtra(priced.model.id, priced.model_price, tokens);
  return extra === undefined ? { note: `served on the priority tier, which has no published price for ${priced.model.id}: priced at the standard rate` } : { extra };
}

/**
 * Claude on Vertex AI from Sonnet 4.5 on: a regional endpoint (`locations/us-east5`) costs 10% more
 * than the global one (`locations/global`), the only price the table holds (Anthropic, "Claude on
 * Vertex AI": global vs regional endpoints). Multi-region locations (`us`, `eu`) are left alone.
 */
function vertexRegionalClaude(url: string, modelId: string): boolean {
  // Most URLs are not Vertex AI's: the RegExp is compiled (on first use) only for those that may be.
  if (!url.includes('/publishers/anthropic/')) return false;
  const location = /\/locations\/([^/]+)\/publishers\/anthropic\//.exec(url)?.[1];
  return location !== undefined && /^[a-z]+-[a-z]+\d+$/.test(location) && /^claude-[a-z]+-(?:4-[5-9]|[5-9])(?:\D|$)/.test(modelId);
}

/**
 * genai-prices' usage keys. Some APIs (xAI through Azure) report more cached tokens than input
 * tokens; the cached part can never exceed the input, so it is capped rather than refused.
 * Reasoning is passed as the part of the output it is, priced wherever the table has a price for it.
 * Anthropic's 1-hour cache writes are passed as such (`cache_write_1h_mtok`, 2x input).
 */
function genaiUsage(q: PriceQuery): Record<string, number | undefined> {
  const cacheRead = Math.min(q.cacheReadTokens, q.inputTokens);
  const cacheWrite = Math.min(q.cacheWriteTokens, q.inputTokens - cacheRead);
  const reasoning = Math.min(q.reasoningTokens ?? 0, q.outputTokens);
  const oneHour = Math.min(q.cacheWrite1hTokens ?? 0, cacheWrite);
  const inputAudio = Math.min(q.inputAudioTokens ?? 0, q.inputTokens);
  return {
    input_tokens: q.inputTokens,
    output_tokens: q.outputTokens,
    cache_read_tokens: cacheRead || undefined,
    // `cache_write_tokens` counts all writes; the 1-hour ones among them get their own price.
    cache_write_tokens: cacheWrite || undefined,
    cache_write_1h_tokens: oneHour || undefined,
    output_reasoning_tokens: reasoning || undefined,
    // Anthropic's web searches: genai-prices prices them by `web_searches_kcount` ($10 per 1,000).
    web_searches: q.webSearches || undefined,
    // Audio is part of the input or output, at its own price where the table has one (Gemini: $1.00/M, not $0.30/M).
    // genai-prices needs the cached audio whenever both cache reads and audio input are given (0 if unknown).
    input_audio_tokens: inputAudio || undefined,
    // At least what the cache reads and the audio must share to fit in the input (genai-prices refuses more).
    cache_audio_read_tokens: inputAudio > 0 && cacheRead > 0 ? Math.max(Math.min(q.cacheAudioReadTokens ?? 0, cacheRead, inputAudio), cacheRead + inputAudio - q.inputTokens) : undefined,
    output_audio_tokens: Math.min(q.outputAudioTokens ?? 0, q.outputTokens) || undefined,
    // Generated images are part of the output, at `output_image_mtok` where the table has it (gemini-2.5-flash-image: $30/M).
    output_image_tokens: Math.min(q.outputImageTokens ?? 0, q.outputTokens) || undefined,
  };
}

/** Hugging Face's router names the serving provider after the model: `moonshotai/Kimi-K2:groq`. */
function routeProvider(model: string): string | undefined {
  if (!model.includes(':')) return undefined;
  const suffix = /:([a-z][a-z-]*)$/i.exec(model)?.[1]?.toLowerCase();
  return suffix && !/^(free|beta|nitro|floor|extended|thinking|latest)$/.test(suffix) ? suffix : undefined;
}

/**
 * The recorded name, then the names a price table is likelier to know: Bedrock's
 * `us.anthropic.claude-…-v1:0` is Anthropic's `claude-…`, OpenRouter-style `vendor/model:route`
 * is `model`.
 */
export function modelNames(model: string): string[] {
  // Each rewrite runs only on a name holding the character it needs (`:`, `.`, `-v`): most names
  // (`gpt-4o-mini`) need none, and a RegExp is compiled on its first use, ~2% of a one-file `cost`.
  const colon = model.includes(':');
  const names = [model];
  let m = colon ? model.replace(/:(free|beta|groq|nitro|floor|extended|thinking)$/i, '') : model;
  names.push(m);
  if (colon && routeProvider(model)) m = m.replace(/:[a-z][a-z-]*$/i, '');
  names.push(m, m.toLowerCase());
  if (m.includes('.')) m = m.replace(/^(us|eu|apac|global|jp|au|us-gov)\./, '');
  names.push(m);
  if (m.includes('.')) m = m.replace(/^(anthropic|amazon|meta|cohere|mistral|ai21|openai|deepseek|qwen|writer)\./, '');
  if (m.includes('-v')) m = m.replace(/-v\d+(:\d+)?$/, '');
  names.push(m);
  const last = m.slice(m.lastIndexOf('/') + 1).toLowerCase();
  names.push(last, last.replaceAll(':', '-'));
  // OpenRouter writes versions with dots (`x-ai/grok-4.1-fast`), the table with dashes (`grok-4-1-fast`).
  names.push(last.includes('.') ? last.replace(/(\d)\.(\d)/g, '$1-$2') : last);
  return [...new Set(names.filter(Boolean))];
}
