import type { ModelInfo, ModelPrice, PriceCalculation, Provider } from '@pydantic/genai-prices';

/**
 * Amazon Bedrock on-demand prices the bundled genai-prices data lacks (USD per million tokens,
 * US regions). Source: https://aws.amazon.com/bedrock/pricing/ (Cohere and AI21 sections):
 * Command R $0.0005/$0.0015 per 1K tokens, Command R+ $0.003/$0.015, Command $0.0015/$0.002,
 * Command Light $0.0003/$0.0006, Embed English/Multilingual v3 $0.0001, Jamba 1.5 Large
 * $0.002/$0.008, Jamba 1.5 Mini $0.0002/$0.0004. Tried after the bundled data, for Bedrock URLs only.
 */
export const BEDROCK_SUPPLEMENT: Provider = {
  id: 'aws',
  name: 'AWS Bedrock (prices the bundled table lacks)',
  api_pattern: 'bedrock-runtime',
  models: [
    model('cohere.command-r-plus-v1:0', 'cohere.command-r-plus', 3, 15),
    model('cohere.command-r-v1:0', 'cohere.command-r-v1', 0.5, 1.5),
    model('cohere.command-text-v14', 'cohere.command-text', 1.5, 2),
    model('cohere.command-light-text-v14', 'cohere.command-light', 0.3, 0.6),
    model('cohere.embed-english-v3', 'cohere.embed-english-v3', 0.1, 0),
    model('cohere.embed-multilingual-v3', 'cohere.embed-multilingual-v3', 0.1, 0),
    model('ai21.jamba-1-5-large-v1:0', 'ai21.jamba-1-5-large', 2, 8),
    model('ai21.jamba-1-5-mini-v1:0', 'ai21.jamba-1-5-mini', 0.2, 0.4),
  ],
};

function model(id: string, contains: string, input: number, output: number): ModelInfo {
  return { id, match: { contains }, prices: { input_mtok: input, output_mtok: output } };
}

/**
 * Long-context tiers the table has for Claude Sonnet 4.5 but not for Claude Sonnet 4 (1M-token
 * context beta): above 200k input tokens (cache reads and writes included) the whole request is
 * charged 2x for input and cache prices and 1.5x for output.
 * Source: https://docs.claude.com/en/docs/about-claude/pricing#long-context-pricing
 */
const LONG_CONTEXT = [{ model: /^claude-sonnet-4-0$|(^|\.)anthropic\.claude-sonnet-4-2025/, threshold: 200_000, input: 2, output: 1.5 }];

/**
 * A provider holding `result`'s model at its long-context price, when the request is over the
 * threshold and the table has only a flat price for it; otherwise undefined.
 */
export function longContextProvider(result: PriceCalculation, inputTokens: number): Provider | undefined {
  const rule = LONG_CONTEXT.find((r) => r.model.test(result.model.id));
  if (!rule || inputTokens <= rule.threshold) return undefined;
  const flat = result.model_price;
  if (Object.values(flat).some((v) => typeof v === 'object')) return undefined; // already tiered
  const prices: Record<string, number> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (typeof value !== 'number') continue;
    prices[key] = key.endsWith('_mtok') ? value * (key.startsWith('output') ? rule.output : rule.input) : value;
  }
  return { ...result.provider, models: [{ ...result.model, id: `${result.model.id} (>${rule.threshold / 1000}k context)`, prices }] };
}

/**
 * Perplexity's per-request fee by `search_context_size`, USD per 1,000 requests.
 * Source: https://docs.perplexity.ai/getting-started/pricing (Sonar $5/$8/$12, Sonar Pro and
 * Sonar Reasoning Pro $6/$10/$14). The table carries one fee per model (the high one).
 */
const PERPLEXITY_FEES: [RegExp, Record<string, number>][] = [
  [/^sonar-(pro|reasoning-pro)$/, { low: 6, medium: 10, high: 14 }],
  [/^sonar(-reasoning)?$/, { low: 5, medium: 8, high: 12 }],
];

/** The request fee to use instead of the table's, in USD, or undefined when the table's stands. */
export function perplexityRequestFee(modelId: string, searchContextSize: string | undefined): number | undefined {
  const fees = PERPLEXITY_FEES.find(([re]) => re.test(modelId))?.[1];
  const fee = fees?.[searchContextSize ?? 'low'];
  return fee === undefined ? undefined : fee / 1000;
}

/**
 * Audio prices the bundled table lacks for OpenAI's audio preview models, USD per million audio
 * tokens (input, output), keyed by genai-prices' model id; the table prices their audio as text.
 * Sources: https://developers.openai.com/api/docs/models/gpt-4o-audio-preview (text $2.50/$10,
 * audio $40/$80), https://developers.openai.com/api/docs/models/gpt-4o-mini-audio-preview (text
 * $0.15/$0.60, audio $10/$20).
 */
const AUDIO_PRICES: Readonly<Record<string, readonly [number, number]>> = {
  'gpt-4o-audio-preview': [40, 80],
  'gpt-4o-mini-audio-preview': [10, 20],
};

/**
 * What audio tokens cost beyond the text price the table charged them at (USD), for a model of
 * AUDIO_PRICES whose table price has no audio price of its own; 0 otherwise.
 */
export function audioSupplement(modelId: string, price: ModelPrice, inputAudioTokens: number, outputAudioTokens: number): number {
  const audio = AUDIO_PRICES[modelId];
  const input = price.input_mtok;
  const output = price.output_mtok;
  if (!audio || price.input_audio_mtok !== undefined || price.output_audio_mtok !== undefined || typeof input !== 'number' || typeof output !== 'number') return 0;
  return (inputAudioTokens * (audio[0] - input) + outputAudioTokens * (audio[1] - output)) / 1e6;
}

/**
 * DeepSeek's price history for `deepseek-chat` and `deepseek-reasoner`, which the bundled table
 * lacks: it holds only the prices of 2025-02-26 to 2025-09-05 (standard by day, a night discount
 * from 16:30 to 00:30 UTC), for every date. USD per million tokens, each era from its time on; an
 * era without a price for the model keeps the table's. Sources: DeepSeek's pricing page
 * (https://api-docs.deepseek.com/quick_start/pricing; earlier versions: V3's launch prices of
 * $0.014 cache hit / $0.14 / $0.28 "until 2025-02-08 16:00 (UTC)", R1 not discounted; "Starting from
 * 16:00 UTC on Sept 5th, 2025": both $0.07 / $0.56 / $1.68, the night discount cancelled); its
 * notice of 2025-02-26 (the night discount from 00:30 Beijing time, 16:30 UTC, that day); its
 * V3.2-Exp news of 2025-09-29 (API prices down 50%+, at once: both $0.028 / $0.28 / $0.42); its V4
 * preview news of 2026-04-24 (both names route to deepseek-v4-flash until they retire on 2026-07-24:
 * the table's deepseek-v4-flash launch price, $0.0028 / $0.14 / $0.28).
 */
const DEEPSEEK_HISTORY: readonly { since: number; chat?: ModelPrice; reasoner?: ModelPrice }[] = [
  { since: -Infinity, chat: deepSeek(0.14, 0.014, 0.28), reasoner: deepSeek(0.55, 0.14, 2.19) },
  { since: Date.parse('2025-02-08T16:00:00Z'), chat: deepSeek(0.27, 0.07, 1.1), reasoner: deepSeek(0.55, 0.14, 2.19) },
  { since: Date.parse('2025-02-26T16:30:00Z') },
  { since: Date.parse('2025-09-05T16:00:00Z'), chat: deepSeek(0.56, 0.07, 1.68), reasoner: deepSeek(0.56, 0.07, 1.68) },
  { since: Date.parse('2025-09-29T00:00:00Z'), chat: deepSeek(0.28, 0.028, 0.42), reasoner: deepSeek(0.28, 0.028, 0.42) },
  { since: Date.parse('2026-04-24T00:00:00Z'), chat: deepSeek(0.14, 0.0028, 0.28), reasoner: deepSeek(0.14, 0.0028, 0.28) },
];

function deepSeek(input: number, cacheRead: number, output: number): ModelPrice {
  return { input_mtok: input, cache_read_mtok: cacheRead, output_mtok: output };
}

/**
 * A provider holding DeepSeek's `deepseek-chat` or `deepseek-reasoner` at its DEEPSEEK_HISTORY price
 * for `at` (now when undefined); undefined when that era keeps the table's price (with its hours of
 * the day), for any other model, or once the table has dated prices of its own for the model.
 */
export function deepSeekHistoryProvider(result: PriceCalculation, at: Date | undefined): Provider | undefined {
  const id = /^deepseek-(chat|reasoner)$/.exec(result.model.id)?.[1] as 'chat' | 'reasoner' | undefined;
  if (result.provider.id !== 'deepseek' || !id) return undefined;
  const table = result.model.prices;
  if (Array.isArray(table) && table.some((p) => p.constraint?.type === 'start_date')) return undefined;
  const time = (at ?? new Date()).getTime();
  const prices = DEEPSEEK_HISTORY.findLast((e) => e.since <= time)?.[id];
  return prices && { ...result.provider, models: [{ ...result.model, prices }] };
}

const tiered = (base: number, above128k: number) => ({ base, tiers: [{ start: 128_000, price: above128k }] });

/**
 * Models the bundled table prices as another, because that row's match takes in their names too:
 * [provider id, the table's model id, the name that says it is this model, its own row].
 * Gemini 1.5 Flash-8B (the table's `gemini-1.5-flash` row matches every `gemini-1.5-flash*` name):
 * the Gemini API pricing page, input $0.0375/$0.075 (above 128k prompt tokens), output $0.15/$0.30,
 * cached $0.01/$0.02, half of 1.5 Flash at its launch on 2024-10-03. Amazon Titan Text Embeddings V2
 * (the table's `amazon.titan-embed-text-v1` row matches every `amazon.titan-embed-text` name): Amazon
 * Bedrock pricing page, $0.00002 per 1,000 input tokens ($0.02/M; V1 is $0.0001, $0.10/M). Gemini 2.5
 * Flash Preview (04-17 and 05-20; the table has only its non-thinking price): the Gemini API pricing
 * page then and Google's "Start building with Gemini 2.5 Flash" (2025-04-17), input $0.15, output
 * $0.60 non-thinking and $3.50 thinking; the thinking tokens are priced at $3.50 (whether the answer's
 * own tokens were too when thinking was on is read both ways; they keep $0.60).
 */
const OWN_ROWS: readonly (readonly [string, string, RegExp, ModelInfo])[] = [
  ['google', 'gemini-1.5-flash', /gemini-1\.5-flash-8b/i, { id: 'gemini-1.5-flash-8b', match: { contains: 'gemini-1.5-flash-8b' }, prices: { input_mtok: tiered(0.0375, 0.075), cache_read_mtok: tiered(0.01, 0.02), output_mtok: tiered(0.15, 0.3) } }],
  ['google', 'gemini-2.5-flash-preview', /gemini-2\.5-flash-preview/i, { id: 'gemini-2.5-flash-preview', match: { contains: 'gemini-2.5-flash-preview' }, prices: { input_mtok: 0.15, output_mtok: 0.6, output_reasoning_mtok: 3.5 } }],
  ['aws', 'amazon.titan-embed-text-v1', /titan-embed-text-v2/i, { id: 'amazon.titan-embed-text-v2:0', match: { contains: 'titan-embed-text-v2' }, prices: { input_mtok: 0.02 } }],
];

/**
 * Gemini 1.5 Flash and Pro before their price cuts, which the table lacks (it holds the prices after
 * them for every date), USD per million tokens, the second price above 128k prompt tokens. Google
 * Developers Blog, "Gemini 1.5 Flash price drop" (2024-08-08: from 2024-08-12 input $0.35 → $0.075
 * and output $1.05 → $0.30 under 128k, the tier above and caching cut alike), and "Updated
 * production-ready Gemini models, reduced 1.5 Pro pricing" (2024-09-24: from 2024-10-01 input $3.50
 * → $1.25 and output $10.50 → $5.00 under 128k, $7 → $2.50 and $21 → $10 above). Cached input was a
 * quarter of the input price. The Gemini API only: Vertex AI billed 1.5 by the character then.
 */
const GEMINI_15_BEFORE_CUT: Readonly<Record<string, { until: string; prices: ModelPrice }>> = {
  'gemini-1.5-flash': { until: '2024-08-12', prices: { input_mtok: tiered(0.35, 0.7), cache_read_mtok: tiered(0.0875, 0.175), output_mtok: tiered(1.05, 2.1) } },
  'gemini-1.5-pro': { until: '2024-10-01', prices: { input_mtok: tiered(3.5, 7), cache_read_mtok: tiered(0.875, 1.75), output_mtok: tiered(10.5, 21) } },
};

/**
 * A provider holding the model at its own price (OWN_ROWS) or at its price history
 * (GEMINI_15_BEFORE_CUT), when the table priced `modelName` with a row that lacks them; otherwise undefined.
 */
export function correctedRowProvider(result: PriceCalculation, modelName: string, url: string): Provider | undefined {
  if (Array.isArray(result.model.prices)) return undefined;
  const own = OWN_ROWS.find(([provider, id, name]) => result.provider.id === provider && result.model.id === id && name.test(modelName));
  if (own) return { ...result.provider, models: [own[3]] };
  const before = result.provider.id === 'google' ? GEMINI_15_BEFORE_CUT[result.model.id] : undefined;
  if (!before || !/^https:\/\/generativelanguage\.googleapis\.com\//.test(url)) return undefined;
  const prices = [{ prices: before.prices }, { constraint: { type: 'start_date' as const, start_date: before.until }, prices: result.model.prices }];
  return { ...result.provider, models: [{ ...result.model, prices }] };
}
