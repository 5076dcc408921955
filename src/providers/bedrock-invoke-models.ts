import { asArray, asNumber, asRecord, asString } from '../llm/json.js';
import type { LlmMessage, LlmRequest, LlmResponse, Usage } from '../llm/types.js';
import { invocationMetrics, markTruncated } from './bedrock-shared.js';
import { toolCall } from './openai-chat.js';
import { argumentsFragment, ToolCallAssembler } from '../llm/tool-calls.js';
import { firstText, parseOpenAIMessages, pickParams, routeContent } from './openai-shared.js';

/**
 * The InvokeModel bodies of Bedrock's other model families (Titan, Cohere Command and
 * Command R, Mistral, Meta Llama, AI21, DeepSeek, OpenAI gpt-oss). Each streamed chunk and each
 * whole response is one JSON object; text pieces are appended, counts overwrite.
 */
export class InvokeChunkAccumulator {
  private usage: Usage = {};
  private metrics: Usage | undefined;
  private tools: { id?: string | undefined; name: string; args: string }[] = [];
  private readonly calls = new ToolCallAssembler();

  constructor(readonly out: LlmResponse) {}

  push(chunk: Record<string, unknown>): void {
    const out = this.out;
    out.id ??= asString(chunk.id) ?? asString(chunk.response_id) ?? asString(chunk.generation_id);
    out.text += firstString(chunk.outputText, chunk.generation, chunk.text, chunk.completion) ?? '';
    for (const r of asArray(chunk.results)) out.text += asString(asRecord(r)?.outputText) ?? '';
    for (const o of asArray(chunk.outputs)) out.text += asString(asRecord(o)?.text) ?? '';
    for (const c of asArray(chunk.completions)) out.text += asString(asRecord(asRecord(c)?.data)?.text) ?? '';
    // Cohere's last stream chunk repeats the whole answer: take generations only when nothing streamed.
    if (out.text === '') for (const g of asArray(chunk.generations)) out.text += asString(asRecord(g)?.text) ?? '';
    for (const c of asArray(chunk.choices)) this.choice(asRecord(c) ?? {});
    for (const t of asArray(chunk.tool_calls)) {
      const call = asRecord(t) ?? {};
      this.tools.push({ name: asString(call.name) ?? '', args: JSON.stringify(call.parameters ?? {}) });
    }
    const finish = firstString(chunk.completionReason, chunk.stop_reason, chunk.finish_reason, ...finishReasons(chunk));
    if (finish) out.finishReason = finish;
    this.counts(chunk);
    this.metrics = invocationMetrics(chunk) ?? this.metrics;
  }

  private choice(choice: Record<string, unknown>): void {
    const message = asRecord(choice.message) ?? asRecord(choice.delta) ?? {};
    const content = routeContent(message.content);
    this.out.text += content.text || (asString(choice.text) ?? '');
    this.out.reasoning += firstText(message.reasoning_content, message.reasoning, content.reasoning) ?? '';
    for (const t of asArray(message.tool_calls)) {
      const call = asRecord(t) ?? {};
      const fn = asRecord(call.function) ?? {};
      // A whole message's calls are each complete; a delta's continue by index or id.
      const fragment = { index: asNumber(call.index), id: asString(call.id), name: asString(fn.name), args: argumentsFragment(fn.arguments) };
      if (message === choice.delta) this.calls.push(fragment);
      else this.calls.add(fragment);
    }
  }

  /** Per-family token counts; each later value replaces the earlier one. */
  private counts(chunk: Record<string, unknown>): void {
    const u = this.usage;
    const billed = asRecord(asRecord(chunk.meta)?.billed_units) ?? asRecord(asRecord(asRecord(chunk.response)?.meta)?.billed_units);
    const usage = asRecord(chunk.usage);
    u.inputTokens = asNumber(chunk.inputTextTokenCount) ?? asNumber(chunk.prompt_token_count) ?? asNumber(billed?.input_tokens) ?? asNumber(usage?.prompt_tokens) ?? asNumber(usage?.input_tokens) ?? u.inputTokens;
    u.outputTokens =
      asNumber(chunk.totalOutputTextTokenCount) ?? asNumber(chunk.generation_token_count) ?? asNumber(asRecord(asArray(chunk.results)[0])?.tokenCount) ?? asNumber(billed?.output_tokens) ?? asNumber(usage?.completion_tokens) ?? asNumber(usage?.output_tokens) ?? u.outputTokens;
    u.totalTokens = asNumber(usage?.total_tokens) ?? u.totalTokens;
  }

  /** A stream without a finish reason or the final invocation metrics is flagged as truncated. */
  finish(stream: boolean): LlmResponse {
    const out = this.out;
    const usage = this.metrics ?? this.usage;
    if (usage.inputTokens !== undefined || usage.outputTokens !== undefined) out.usage = usage;
    for (const t of [...this.tools, ...this.calls.calls]) {
      const call = toolCall(t.id, t.name, t.args);
      out.toolCalls.push(call);
      if (call.argumentsError) out.warnings.push(`tool call ${call.name}: ${call.argumentsError}`);
    }
    if (stream && !this.metrics && !out.finishReason) markTruncated(out, 'a finish reason or invocation metrics');
    return out;
  }
}

function firstString(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v !== '') return v;
  return undefined;
}

function finishReasons(chunk: Record<string, unknown>): unknown[] {
  const nested = [...asArray(chunk.results), ...asArray(chunk.outputs), ...asArray(chunk.generations), ...asArray(chunk.choices), ...asArray(chunk.completions)];
  return nested.flatMap((n) => {
    const r = asRecord(n) ?? {};
    return [r.completionReason, r.stop_reason, r.finish_reason, asRecord(r.finishReason)?.reason];
  });
}

/** The request side of the non-Anthropic, non-Nova families: a prompt, or chat messages, plus flat parameters. */
export function parseInvokeRequest(req: Record<string, unknown>, model: string | undefined, stream: boolean): LlmRequest {
  const messages: LlmMessage[] = [];
  for (const h of asArray(req.chat_history)) {
    const turn = asRecord(h) ?? {};
    messages.push({ role: (asString(turn.role) ?? 'user').toLowerCase() === 'chatbot' ? 'assistant' : (asString(turn.role) ?? 'user').toLowerCase(), text: asString(turn.message) ?? '' });
  }
  if (Array.isArray(req.messages)) messages.push(...parseOpenAIMessages(req.messages));
  const prompt = firstString(req.inputText, req.prompt, req.message);
  if (prompt !== undefined) messages.push({ role: 'user', text: prompt });
  const params: Record<string, unknown> = { ...asRecord(req.textGenerationConfig) };
  for (const [key, value] of Object.entries(req)) {
    if (!['inputText', 'prompt', 'message', 'messages', 'chat_history', 'preamble', 'system', 'tools', 'textGenerationConfig'].includes(key) && (typeof value !== 'object' || Array.isArray(value))) params[key] = value;
  }
  const system = asString(req.preamble) ?? asString(req.system);
  return { provider: 'bedrock-invoke', model, system, messages, tools: [], params: pickParams(params, Object.keys(params)), stream };
}
