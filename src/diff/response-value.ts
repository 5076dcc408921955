import { bodyValue } from './body-value.js';
import type { Side } from './side.js';

/**
 * What a response means: status, reassembled text, tool calls, finish reason, usage and cost;
 * not its chunks or ids. An absent usage count and 0 are the same (providers differ in which they send).
 */
export function responseValue(side: Side, options: { noise: boolean; response: boolean }): unknown {
  const res = side.interaction.response;
  if (!res) return { status: null };
  const r = side.llm?.response;
  if (!r) return { status: res.status, body: bodyValue(res.body, res.headers, options) };
  const meaning: Record<string, unknown> = {
    status: res.status,
    model: r.model ?? null,
    text: r.text,
    reasoning: r.reasoning,
    toolCalls: r.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments })),
    finishReason: r.finishReason ?? null,
    usage: { inputTokens: r.usage?.inputTokens ?? 0, outputTokens: r.usage?.outputTokens ?? 0, cacheReadTokens: r.usage?.cacheReadTokens ?? 0, reasoningTokens: r.usage?.reasoningTokens ?? 0 },
    cost: r.usage?.cost ?? null,
  };
  if (r.refusal) meaning.refusal = r.refusal;
  if (r.error) meaning.error = r.error.message;
  if (r.embeddings) meaning.embeddings = r.embeddings;
  if (options.noise) meaning.id = r.id ?? null;
  return meaning;
}
