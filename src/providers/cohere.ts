import { asArray, asNumber, asRecord, asString } from '../llm/json.js';
import { parseNdjson } from '../llm/ndjson.js';
import { looksLikeSse } from '../llm/sse.js';
import type { LlmMessage, LlmResponse, Provider, ToolCall, Usage } from '../llm/types.js';
import { mediaType } from '../model/headers.js';
import type { Interaction } from '../model/types.js';
import { ToolCallAssembler } from '../llm/tool-calls.js';
import { pathOf, toolCall } from './openai-chat.js';
import { contentParts, parseOpenAITools, pickParams } from './openai-shared.js';
import { emptyResponse, httpError, jsonEvents } from './reassembly.js';

const COHERE_PATH = /\/v[12]\/(chat|generate)\/?$/;
const COHERE_HOST = /(^|\.)cohere\.(com|ai)$/;

/** Cohere chat v2 (SSE events), chat v1 and generate v1 (NDJSON streams or JSON). */
export const cohere: Provider = {
  id: 'cohere',
  description: 'Cohere chat v2 (SSE: message-start, content-delta, tool-call-*, message-end) and v1 chat/generate (NDJSON)',
  detect(interaction) {
    // The path first, from pathOf's one-URL memo: a URL parsed for every interaction was ~2.5% of diff FILE.
    if (!COHERE_PATH.test(pathOf(interaction.request.url))) return false;
    try {
      return COHERE_HOST.test(new URL(interaction.request.url).hostname);
    } catch {
      return false;
    }
  },
  parseRequest(interaction) {
    const req = asRecord(interaction.request.body.json) ?? {};
    const messages: LlmMessage[] = asArray(req.messages).map((m) => {
      const msg = asRecord(m) ?? {};
      const { text, parts } = contentParts(msg.content);
      const out: LlmMessage = { role: asString(msg.role) ?? 'user', text, parts };
      const calls = asArray(msg.tool_calls).map((c) => cohereCall(asRecord(c) ?? {}));
      if (calls.length > 0) out.toolCalls = calls;
      if (typeof msg.tool_call_id === 'string') out.toolCallId = msg.tool_call_id;
      return out;
    });
    // v1: `chat_history` + `message`, or `prompt` for generate.
    for (const h of asArray(req.chat_history)) {
      const msg = asRecord(h) ?? {};
      messages.push({ role: (asString(msg.role) ?? 'USER').toLowerCase().replace('chatbot', 'assistant'), text: asString(msg.message) ?? '' });
    }
    if (typeof req.message === 'string') messages.push({ role: 'user', text: req.message });
    if (typeof req.prompt === 'string') messages.push({ role: 'user', text: req.prompt });
    return {
      provider: 'cohere',
      model: asString(req.model),
      system: asString(req.preamble),
      messages,
      tools: parseOpenAITools(req.tools),
      params: pickParams(req, ['stream', 'max_tokens', 'temperature', 'p', 'k', 'thinking', 'tool_choice', 'response_format']),
      stream: req.stream === true,
    };
  },
  parseResponse: reassembleCohere,
};

function cohereCall(call: Record<string, unknown>): ToolCall {
  const fn = asRecord(call.function);
  if (fn) return toolCall(asString(call.id), asString(fn.name) ?? '', asString(fn.arguments) ?? JSON.stringify(fn.arguments ?? {}));
  return toolCall(asString(call.id), asString(call.name) ?? '', JSON.stringify(call.parameters ?? {}));
}

/** `usage` (v2) or `meta` (v1): billed units are what is charged; `tokens` counts the raw prompt. */
function cohereUsage(raw: Record<string, unknown> | undefined): Usage | undefined {
  if (!raw) return undefined;
  const billed = asRecord(raw.billed_units) ?? {};
  const tokens = asRecord(raw.tokens) ?? {};
  const input = asNumber(billed.input_tokens) ?? asNumber(tokens.input_tokens);
  const output = asNumber(billed.output_tokens) ?? asNumber(tokens.output_tokens);
  if (input === undefined && output === undefined) return undefined;
  // Reasoning models report their thinking share of the output as `tokens.reasoning_tokens`.
  return { inputTokens: input, outputTokens: output, reasoningTokens: asNumber(tokens.reasoning_tokens) ?? asNumber(billed.reasoning_tokens) };
}

function reassembleCohere(interaction: Interaction): LlmResponse | undefined {
  const res = interaction.response;
  if (!res) return undefined;
  const text = res.body.text ?? '';
  const type = mediaType(res.headers) ?? '';
  if (looksLikeSse(text, type) && text.includes('data:')) return fromSse(text);
  const single = asRecord(res.body.json);
  const out = emptyResponse('cohere', !single);
  const error = httpError(res);
  if (error) out.error = error;
  if (single) {
    readFinal(out, single);
    return out;
  }
  let finished = false;
  for (const line of parseNdjson(text)) {
    const event = asRecord(line.value);
    if (!event) {
      out.warnings.push(`line ${line.line}: not JSON`);
      continue;
    }
    const kind = asString(event.event_type);
    if (kind === 'text-generation' || (kind === undefined && typeof event.text === 'string' && event.is_finished === false)) out.text += asString(event.text) ?? '';
    else if (kind === 'tool-calls-generation') out.toolCalls.push(...asArray(event.tool_calls).map((c) => cohereCall(asRecord(c) ?? {})));
    else if (kind === 'stream-end' || event.is_finished === true) {
      finished = true;
      out.finishReason = asString(event.finish_reason) ?? out.finishReason;
      const response = asRecord(event.response);
      if (response) readFinal(out, response, false);
    } else if (kind === 'stream-start') out.id = asString(event.generation_id) ?? out.id;
  }
  if (!finished && !out.error) {
    out.truncated = true;
    out.warnings.push('stream ended without stream-end: the result is partial');
  }
  return out;
}

/** A whole response: v2 `{message, finish_reason, usage}`, v1 chat `{text, meta}`, v1 generate `{generations}`. */
function readFinal(out: LlmResponse, body: Record<string, unknown>, withText = true): void {
  out.id = asString(body.id) ?? asString(body.generation_id) ?? out.id;
  out.finishReason = asString(body.finish_reason) ?? out.finishReason;
  out.usage = cohereUsage(asRecord(body.usage) ?? asRecord(body.meta)) ?? out.usage;
  if (!withText) return;
  const message = asRecord(body.message);
  if (message) {
    out.reasoning += asString(message.tool_plan) ?? '';
    for (const part of asArray(message.content)) {
      const p = asRecord(part) ?? {};
      if (p.type === 'thinking') out.reasoning += asString(p.thinking) ?? '';
      else out.text += asString(p.text) ?? '';
    }
    out.toolCalls.push(...asArray(message.tool_calls).map((c) => cohereCall(asRecord(c) ?? {})));
    return;
  }
  if (typeof body.text === 'string') out.text += body.text;
  out.toolCalls.push(...asArray(body.tool_calls).map((c) => cohereCall(asRecord(c) ?? {})));
  const generation = asRecord(asArray(body.generations)[0]);
  if (generation) {
    out.text += asString(generation.text) ?? '';
    out.finishReason = asString(generation.finish_reason) ?? out.finishReason;
  }
}

function fromSse(body: string): LlmResponse {
  const out = emptyResponse('cohere', true);
  const calls = new ToolCallAssembler();
  let ended = false;
  for (const { event, data } of jsonEvents(body, out.warnings)) {
    const type = asString(data.type) ?? event ?? '';
    const message = asRecord(asRecord(data.delta)?.message) ?? {};
    if (type === 'message-start') out.id = asString(data.id) ?? out.id;
    else if (type === 'content-delta') {
      const content = asRecord(message.content) ?? {};
      out.text += asString(content.text) ?? '';
      out.reasoning += asString(content.thinking) ?? '';
    } else if (type === 'tool-plan-delta') out.reasoning += asString(message.tool_plan) ?? '';
    else if (type === 'tool-call-start') {
      // Each start is a new call; deltas continue the call at their `index` (or the open one).
      const call = asRecord(message.tool_calls) ?? {};
      const fn = asRecord(call.function) ?? {};
      calls.add({ index: asNumber(data.index), id: asString(call.id), name: asString(fn.name), args: asString(fn.arguments) ?? '' });
    } else if (type === 'tool-call-delta') {
      const fn = asRecord(asRecord(message.tool_calls)?.function) ?? {};
      calls.push({ index: asNumber(data.index), args: asString(fn.arguments) ?? '' });
    } else if (type === 'message-end') {
      ended = true;
      const delta = asRecord(data.delta) ?? {};
      out.finishReason = asString(delta.finish_reason) ?? out.finishReason;
      out.usage = cohereUsage(asRecord(delta.usage)) ?? out.usage;
      const error = asString(delta.error);
      if (error) out.error = { message: error };
    }
  }
  out.toolCalls = calls.calls.map((c) => toolCall(c.id, c.name, c.args));
  if (!ended && !out.error) {
    out.truncated = true;
    out.warnings.push('stream ended without message-end: the result is partial');
  }
  return out;
}
