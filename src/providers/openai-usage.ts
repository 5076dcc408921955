import { asNumber, asRecord, asString } from '../llm/json.js';
import type { Usage } from '../llm/types.js';

/**
 * Chat Completions (and legacy Completions) usage, as every OpenAI-compatible server writes it.
 *
 * - `completion_tokens` includes reasoning at OpenAI. xAI and Vercel's AI Gateway leave reasoning
 *   out of it while billing it as output; they are recognised by
 *   `total_tokens = prompt_tokens + completion_tokens + reasoning_tokens`, and then the output is
 *   completion + reasoning (docs/cost.md, "Reasoning outside completion_tokens").
 * - A recorded cost: OpenRouter's `usage.cost` (USD; with BYOK, `is_byok`, plus
 *   `cost_details.upstream_inference_cost`, what the provider billed the user's own key), Perplexity's `usage.cost.total_cost` (USD),
 *   xAI's `cost_in_usd_ticks` (1 tick = 1e-10 USD; 0, as Azure-hosted Grok records it, is no cost).
 * - Cache reads: `prompt_tokens_details.cached_tokens`, DeepSeek's `prompt_cache_hit_tokens`, Moonshot's
 *   (Kimi) `cached_tokens` beside `prompt_tokens` (Kimi API reference, chat: "tokens served from cache");
 *   writes: `prompt_tokens_details.cache_write_tokens` (OpenRouter).
 */
export function openAIUsage(usage: Record<string, unknown>): Usage {
  const prompt = asRecord(usage.prompt_tokens_details) ?? {};
  const completion = asRecord(usage.completion_tokens_details) ?? {};
  const input = asNumber(usage.prompt_tokens) ?? asNumber(usage.input_tokens);
  const reported = asNumber(usage.completion_tokens) ?? asNumber(usage.output_tokens);
  const total = asNumber(usage.total_tokens);
  const reasoning = asNumber(completion.reasoning_tokens);
  return {
    inputTokens: input,
    outputTokens: outputWithReasoning(input, reported, total, reasoning),
    totalTokens: total,
    cacheReadTokens: asNumber(prompt.cached_tokens) ?? asNumber(usage.prompt_cache_hit_tokens) ?? asNumber(usage.cached_tokens),
    cacheWriteTokens: asNumber(prompt.cache_write_tokens),
    reasoningTokens: reasoning,
    inputAudioTokens: asNumber(prompt.audio_tokens) || undefined,
    outputAudioTokens: asNumber(completion.audio_tokens) || undefined,
    cost: recordedCost(usage),
    searchContextSize: asString(usage.search_context_size),
  };
}

/** The USD cost an API recorded in `usage`, in any of the shapes above. */
export function recordedCost(usage: Record<string, unknown>): number | undefined {
  const cost = usage.cost;
  if (typeof cost === 'number') {
    // OpenRouter BYOK: `cost` is only OpenRouter's fee (5%); the provider bills `upstream_inference_cost`
    // to the user's own key. Without BYOK the upstream cost is the same money as `cost`, not more of it.
    const upstream = usage.is_byok === true ? asNumber(asRecord(usage.cost_details)?.upstream_inference_cost) : undefined;
    return upstream === undefined ? asNumber(cost) : cost + upstream;
  }
  const perplexity = asNumber(asRecord(cost)?.total_cost);
  if (perplexity !== undefined) return perplexity;
  // Azure-hosted Grok records `cost_in_usd_ticks: 0` for calls Azure bills itself: not a cost.
  const ticks = asNumber(usage.cost_in_usd_ticks);
  return ticks === undefined || ticks === 0 ? undefined : ticks / 1e10;
}

/**
 * The billed output: `output` itself, unless the counts show reasoning was left out of it
 * (`total = input + output + reasoning`), as xAI's and Vercel AI Gateway's chat usage does.
 */
export function outputWithReasoning(input: number | undefined, output: number | undefined, total: number | undefined, reasoning: number | undefined): number | undefined {
  const outside = reasoning !== undefined && reasoning > 0 && input !== undefined && output !== undefined && total === input + output + reasoning;
  return outside ? output + reasoning : output;
}

/**
 * Gateways whose `completion_tokens` and `total_tokens` both leave reasoning out, so the totals
 * cannot tell: Vercel's AI Gateway (its recorded `usage.cost` is prompt + (completion + reasoning)
 * at list price, e.g. gpt-5: 109 x $1.25 + (368 + 256) x $10 per million = $0.00637625).
 */
const REASONING_OUTSIDE_HOSTS = /(^|\.)ai-gateway\.vercel\.sh$/i;

/** Add reasoning to the output for the gateways above; other usage is returned as it is. */
export function withGatewayReasoning(usage: Usage | undefined, url: string): Usage | undefined {
  if (!usage?.reasoningTokens || usage.outputTokens === undefined) return usage;
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return usage;
  }
  if (!REASONING_OUTSIDE_HOSTS.test(host)) return usage;
  const total = usage.totalTokens;
  // Vercel's totals leave reasoning out too (total = input + output); were it in them, the totals rule would have added it already.
  if (total !== undefined && usage.inputTokens !== undefined && total === usage.inputTokens + usage.outputTokens) return { ...usage, outputTokens: usage.outputTokens + usage.reasoningTokens };
  return usage;
}
