import { analyzeInteraction } from '../llm/analyze.js';
import { modelInPath } from '../llm/model-in-path.js';
import type { LlmExchange } from '../llm/types.js';
import { getHeader } from '../model/headers.js';
import { isoString } from '../text/iso-string.js';
import type { Cassette, Interaction } from '../model/types.js';
import type { PriceQuery, PriceTable } from './price-table.js';
import { LOCAL_PRICED_AS, type CostRow } from './types.js';

export interface CollectOptions {
  provider?: string | undefined;
  prices: PriceTable;
}

/** One row per LLM interaction of a cassette; other HTTP calls cost nothing and are left out. */
export function costRows(cassette: Cassette, options: CollectOptions, interactions: Iterable<Interaction> = cassette.interactions): CostRow[] {
  const rows: CostRow[] = [];
  // `interactions` may be a stream (openCassette): each is costed and let go before the next.
  for (const interaction of interactions) {
    const exchange = analyzeInteraction(interaction, { provider: options.provider });
    if (exchange) rows.push(costRow(cassette.path, interaction, exchange, options.prices));
  }
  return rows;
}

export function costRow(path: string, interaction: Interaction, exchange: LlmExchange, prices: PriceTable): CostRow {
  const usage = exchange.response?.usage;
  // The model the path names (Bedrock, Gemini): the fallback name, and one of the names an estimate tries.
  const urlModel = modelFromUrl(interaction.request.url);
  const model = exchange.response?.model ?? exchange.request.model ?? urlModel;
  const hasUsage = usage !== undefined && (usage.inputTokens !== undefined || usage.outputTokens !== undefined);
  const at = recordedAt(interaction, exchange);
  const recorded = usage?.cost ?? gatewayCost(interaction);
  const row: CostRow = {
    path,
    index: interaction.index,
    provider: exchange.provider,
    model,
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadTokens: usage?.cacheReadTokens ?? 0,
    cacheWriteTokens: usage?.cacheWriteTokens ?? 0,
    reasoningTokens: usage?.reasoningTokens ?? 0,
    cost: null,
    costSource: 'unknown',
    estimate: null,
    pricedAt: at && isoString(at),
    hasUsage,
  };
  if (!hasUsage) {
    row.reason = noUsageReason(interaction, exchange);
    if (recorded !== undefined) Object.assign(row, { cost: recorded, costSource: 'recorded' });
    return row;
  }
  if (recorded === undefined && LOCAL_WIRES.has(exchange.provider) && isLocal(interaction.request)) {
    // A model served on this machine (Ollama, llama.cpp, vLLM) costs nothing per call, whatever its name.
    return Object.assign(row, { cost: 0, estimate: 0, costSource: 'estimated', pricedAs: LOCAL_PRICED_AS });
  }
  const extra = { cacheWrite1hTokens: usage?.cacheWrite1hTokens, webSearches: usage?.webSearches, inputAudioTokens: usage?.inputAudioTokens, outputAudioTokens: usage?.outputAudioTokens, cacheAudioReadTokens: usage?.cacheAudioReadTokens, outputImageTokens: usage?.outputImageTokens, serviceTier: usage?.serviceTier, inferenceGeo: usage?.inferenceGeo, searchContextSize: usage?.searchContextSize ?? searchContextSize(interaction) };
  const estimate = estimateFor(row, extra, [model, exchange.request.model, urlModel], interaction.request.url, at, prices);
  if ('cost' in estimate) {
    row.estimate = estimate.cost;
    row.pricedAs = estimate.pricedAs;
    row.note = estimate.note;
  } else row.reason = estimate.reason;
  if (recorded !== undefined) {
    row.cost = recorded;
    row.costSource = 'recorded';
  } else if (row.estimate !== null) {
    row.cost = row.estimate;
    row.costSource = 'estimated';
  } else if (!model) row.reason = 'no model name';
  return row;
}

/**
 * The USD cost a gateway put in a response header: LiteLLM's proxy sends `x-litellm-response-cost`
 * on every call, often from localhost in front of a paid API (so not `local (no API charge)`).
 */
function gatewayCost(interaction: Interaction): number | undefined {
  const value = interaction.response ? getHeader(interaction.response.headers, 'x-litellm-response-cost') : undefined;
  const cost = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(cost) && cost >= 0 ? cost : undefined;
}

/**
 * Wire formats local model servers speak (llama.cpp, vLLM, LM Studio: OpenAI-compatible; Ollama).
 * A Gemini, Anthropic, Bedrock or Cohere call to localhost is a gateway or proxy in front of the
 * cloud API (Pydantic AI Gateway on :8787), and is priced as that API.
 */
const LOCAL_WIRES = new Set<string>(['openai-chat', 'openai-completions', 'openai-responses', 'ollama', 'embeddings']);

/** Why a call has no usage: an API error, an OpenAI stream that did not ask for usage, or silence. */
function noUsageReason(interaction: Interaction, exchange: LlmExchange): string {
  const status = interaction.response?.status;
  if (status !== undefined && status >= 400) return `no usage (HTTP ${status})`;
  const body = interaction.request.body.json as { stream_options?: { include_usage?: unknown } } | null | undefined;
  const options = body?.stream_options;
  if (exchange.provider === 'openai-chat' && exchange.request.stream && options?.include_usage !== true) {
    return 'no usage recorded (streamed without stream_options.include_usage)';
  }
  return 'no usage recorded';
}

/** Try the response's model, then the request's, then the URL's: versions differ in what the table knows. */
function estimateFor(row: CostRow, extra: Pick<PriceQuery, 'cacheWrite1hTokens' | 'webSearches' | 'inputAudioTokens' | 'outputAudioTokens' | 'cacheAudioReadTokens' | 'outputImageTokens' | 'serviceTier' | 'inferenceGeo' | 'searchContextSize'>, models: (string | undefined)[], url: string, at: Date | undefined, prices: PriceTable) {
  let first: ReturnType<PriceTable> | undefined;
  const names = [...new Set(models.filter((m): m is string => Boolean(m)))];
  for (const model of names) {
    const { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, reasoningTokens } = row;
    const otherModels = names.length > 1 ? names.filter((n) => n !== model) : undefined;
    const answer = prices({ model, url, at, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, reasoningTokens, otherModels, ...extra });
    if ('cost' in answer) return answer;
    // The reason worth telling is about the name shown in the row (the first one tried).
    first ??= answer;
  }
  return first ?? { reason: 'no model name' };
}

/** Perplexity takes `web_search_options.search_context_size` in the request (default `low`). */
function searchContextSize(interaction: Interaction): string | undefined {
  const body = interaction.request.body.json as { web_search_options?: { search_context_size?: unknown } } | null | undefined;
  const size = body?.web_search_options?.search_context_size;
  return typeof size === 'string' ? size : undefined;
}

/** Bedrock and Gemini put the model in the path: `/model/<id>/converse`, `/models/<id>:generateContent`. */
function modelFromUrl(url: string): string | undefined {
  try {
    return modelInPath(decodeURIComponent(new URL(url).pathname))?.model;
  } catch {
    return undefined;
  }
}

/** When the call was made: the recorder's time, the API's `created`, or the response's Date header. */
function recordedAt(interaction: Interaction, exchange: LlmExchange): Date | undefined {
  const candidates = [
    interaction.recordedAt,
    exchange.response?.created !== undefined ? exchange.response.created * 1000 : undefined,
    interaction.response ? getHeader(interaction.response.headers, 'date') : undefined,
  ];
  for (const c of candidates) {
    if (c === undefined) continue;
    const d = new Date(c);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return undefined;
}

/**
 * Models served from this machine or the local network (Ollama, llama.cpp, vLLM on a LAN box or a compose service)
 * cost nothing per call: loopback, private (RFC 1918, IPv6 ULA / link-local) addresses, `.local`/`.internal`/`.lan`
 * names and single-label hosts such as `ollama`, none of which a paid public API answers on.
 * (Kept here so the library needs no price data to load.)
 */
export function isLocal(query: Pick<PriceQuery, 'url'>): boolean {
  let host: string;
  try {
    host = new URL(query.url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (/^\[(::1|f[cd][0-9a-f]{0,2}:.*|fe[89ab][0-9a-f]?:.*)\]$/.test(host)) return true;
  if (/^(127\.\d+\.\d+\.\d+|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/.test(host)) return true;
  return /^[a-z0-9-]+$/.test(host) || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host);
}
