import { asArray, asNumber, asRecord, asString } from '../llm/json.js';
import { looksLikeSse } from '../llm/sse.js';
import type { LlmMessage, LlmResponse, Provider, ToolCall, Usage } from '../llm/types.js';
import { mediaType } from '../model/headers.js';
import { pathOf, toolCall } from './openai-chat.js';
import { contentParts, parseOpenAITools, pickParams } from './openai-shared.js';
import { emptyResponse, httpError, jsonEvents } from './reassembly.js';

const TERMINAL = new Set(['response.completed', 'response.failed', 'response.incomplete']);

/** OpenAI Responses API (`/v1/responses`), also as served by Azure, OpenRouter and DeepSeek. */
export const openaiResponses: Provider = {
  id: 'openai-responses',
  description: 'OpenAI Responses API: output items, function calls, reasoning summaries; SSE and JSON',
  detect: (interaction) => /\/responses\/?$/.test(pathOf(interaction.request.url)),
  parseRequest(interaction) {
    const req = asRecord(interaction.request.body.json) ?? {};
    return {
      provider: 'openai-responses',
      model: asString(req.model),
      system: asString(req.instructions),
      messages: inputMessages(req.input),
      tools: parseOpenAITools(req.tools),
      params: pickParams(req, ['stream', 'max_output_tokens', 'temperature', 'top_p', 'tool_choice', 'reasoning', 'text', 'store', 'previous_response_id', 'parallel_tool_calls', 'include']),
      stream: req.stream === true,
    };
  },
  parseResponse(interaction) {
    const res = interaction.response;
    if (!res) return undefined;
    const text = res.body.text;
    if (text && looksLikeSse(text, mediaType(res.headers))) return fromStream(text);
    const out = emptyResponse('openai-responses', false);
    const error = httpError(res);
    if (error) out.error = error;
    const body = asRecord(res.body.json);
    if (body) readResponse(out, body);
    return out;
  },
};

/** `input`: a string, or items (messages, function calls and their outputs, reasoning). */
function inputMessages(input: unknown): LlmMessage[] {
  if (typeof input === 'string') return [{ role: 'user', text: input }];
  return asArray(input).map((raw) => {
    const item = asRecord(raw) ?? {};
    const type = asString(item.type) ?? 'message';
    if (type === 'function_call') return { role: 'assistant', text: '', toolCalls: [callOf(item)] };
    if (type === 'function_call_output') {
      const output = typeof item.output === 'string' ? item.output : JSON.stringify(item.output ?? '');
      return { role: 'tool', text: output, toolCallId: asString(item.call_id) };
    }
    if (type === 'reasoning') return { role: 'assistant', text: '', parts: [{ type: 'thinking', text: summaryText(item) }] };
    if (type !== 'message') return { role: asString(item.role) ?? 'assistant', text: '', parts: [{ type: 'other', summary: type }] };
    const { text, parts } = contentParts(item.content);
    return { role: asString(item.role) ?? 'user', text, parts };
  });
}

function callOf(item: Record<string, unknown>): ToolCall {
  const args = item.arguments;
  return toolCall(asString(item.call_id) ?? asString(item.id), asString(item.name) ?? '', typeof args === 'string' ? args : JSON.stringify(args ?? {}));
}

function summaryText(item: Record<string, unknown>): string {
  const summary = asArray(item.summary).map((s) => asString(asRecord(s)?.text) ?? '');
  const content = asArray(item.content).map((s) => asString(asRecord(s)?.text) ?? '');
  return [...summary, ...content].filter(Boolean).join('\n\n');
}

/** A whole `response` object: the JSON body, or the one carried by `response.completed`. */
function readResponse(out: LlmResponse, body: Record<string, unknown>, fromItems = true): void {
  out.model = asString(body.model) ?? out.model;
  out.id = asString(body.id) ?? out.id;
  out.created = asNumber(body.created_at) ?? out.created;
  const usage = asRecord(body.usage);
  if (usage) out.usage = responsesUsage(usage);
  // `in_progress` on response.created is not how the response ended.
  const status = asString(body.status);
  const incomplete = asString(asRecord(body.incomplete_details)?.reason);
  if (status && status !== 'in_progress' && status !== 'queued') out.finishReason = incomplete ?? status;
  const error = asRecord(body.error);
  if (error) out.error = { message: asString(error.message) ?? JSON.stringify(error), code: asString(error.code) };
  if (!fromItems) return;
  for (const raw of asArray(body.output)) {
    const item = asRecord(raw) ?? {};
    const type = asString(item.type);
    if (type === 'message') {
      for (const part of asArray(item.content)) {
        const p = asRecord(part) ?? {};
        if (p.type === 'refusal') out.refusal = (out.refusal ?? '') + (asString(p.refusal) ?? '');
        else out.text += asString(p.text) ?? '';
      }
    } else if (type === 'function_call') out.toolCalls.push(callOf(item));
    else if (type === 'reasoning') out.reasoning = [out.reasoning, summaryText(item)].filter(Boolean).join('\n\n');
    else if (type) out.toolCalls.push({ ...toolCall(asString(item.id), type, JSON.stringify(asRecord(item.action) ?? {})), serverSide: true });
  }
}

export function responsesUsage(usage: Record<string, unknown>): Usage {
  return {
    inputTokens: asNumber(usage.input_tokens),
    outputTokens: asNumber(usage.output_tokens),
    totalTokens: asNumber(usage.total_tokens),
    cacheReadTokens: asNumber(asRecord(usage.input_tokens_details)?.cached_tokens),
    reasoningTokens: asNumber(asRecord(usage.output_tokens_details)?.reasoning_tokens),
    cost: asNumber(usage.cost),
  };
}

interface CallAccumulator {
  id?: string | undefined;
  name: string;
  args: string;
  done?: string | undefined;
}

function fromStream(body: string): LlmResponse {
  const out = emptyResponse('openai-responses', true);
  const calls = new Map<number, CallAccumulator>();
  const reasoning: string[] = [];
  let terminal: Record<string, unknown> | undefined;
  for (const { event, data } of jsonEvents(body, out.warnings)) {
    const type = asString(data.type) ?? event ?? '';
    const index = asNumber(data.output_index) ?? 0;
    const item = asRecord(data.item);
    if (type === 'response.created' || type === 'response.in_progress') readResponse(out, asRecord(data.response) ?? {}, false);
    else if (type === 'response.output_text.delta') out.text += asString(data.delta) ?? '';
    else if (type === 'response.refusal.delta') out.refusal = (out.refusal ?? '') + (asString(data.delta) ?? '');
    else if (type === 'response.reasoning_summary_text.delta' || type === 'response.reasoning_text.delta') {
      const key = asNumber(data.summary_index) ?? asNumber(data.content_index) ?? 0;
      reasoning[key] = (reasoning[key] ?? '') + (asString(data.delta) ?? '');
    } else if (type === 'response.output_item.added' && item?.type === 'function_call') {
      calls.set(index, { id: asString(item.call_id), name: asString(item.name) ?? '', args: asString(item.arguments) ?? '' });
    } else if (type === 'response.function_call_arguments.delta') {
      const call = calls.get(index) ?? { name: '', args: '' };
      call.args += asString(data.delta) ?? '';
      calls.set(index, call);
    } else if (type === 'response.function_call_arguments.done') {
      const call = calls.get(index);
      if (call) call.done = asString(data.arguments);
    } else if (type === 'response.output_item.done' && item?.type === 'function_call') {
      const call = calls.get(index);
      if (call) call.done = asString(item.arguments) ?? call.done;
    } else if (TERMINAL.has(type)) terminal = asRecord(data.response) ?? {};
    else if (type === 'error' || type === 'response.error') {
      const error = asRecord(data.error) ?? data;
      out.error = { message: asString(error.message) ?? JSON.stringify(error), code: asString(error.code) };
    }
  }
  out.reasoning = reasoning.filter(Boolean).join('\n\n');
  out.toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, c]) => toolCall(c.id, c.name, c.done ?? c.args));
  if (terminal) {
    const streamedSomething = out.text !== '' || out.toolCalls.length > 0 || out.reasoning !== '';
    readResponse(out, terminal, !streamedSomething);
  } else if (!out.error) {
    out.truncated = true;
    out.warnings.push('stream ended without response.completed: the result is partial');
  }
  return out;
}
