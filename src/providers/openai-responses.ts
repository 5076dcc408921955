import { asArray, asNumber, asRecord, asString, unixSeconds } from '../llm/json.js';
import { looksLikeSse } from '../llm/sse.js';
import type { LlmMessage, LlmResponse, Provider, Usage } from '../llm/types.js';
import { mediaType } from '../model/headers.js';
import { pathOf } from './openai-chat.js';
import { outputWithReasoning, recordedCost } from './openai-usage.js';
import { applyOutputItems, reasoningText } from './openai-responses-items.js';
import { ResponsesItemAccumulator } from './openai-responses-stream.js';
import { azureDeployment, contentParts, parseOpenAITools, pickParams } from './openai-shared.js';
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
      model: asString(req.model) ?? azureDeployment(pathOf(interaction.request.url)),
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
    if (type === 'function_call' || type === 'custom_tool_call') {
      const out = emptyResponse('openai-responses', false);
      applyOutputItems(out, [item]);
      return { role: 'assistant', text: '', toolCalls: out.toolCalls };
    }
    if (type === 'function_call_output' || type === 'custom_tool_call_output') {
      const output = typeof item.output === 'string' ? item.output : JSON.stringify(item.output ?? '');
      return { role: 'tool', text: output, toolCallId: asString(item.call_id) };
    }
    if (type === 'reasoning') return { role: 'assistant', text: '', parts: [{ type: 'thinking', text: reasoningText(item) }] };
    if (type !== 'message') return { role: asString(item.role) ?? 'assistant', text: '', parts: [{ type: 'other', summary: type }] };
    const { text, parts } = contentParts(item.content);
    return { role: asString(item.role) ?? 'user', text, parts };
  });
}

/** A whole `response` object: the JSON body, or the one carried by `response.completed`. */
function readResponse(out: LlmResponse, body: Record<string, unknown>, fromItems = true): void {
  out.model = asString(body.model) ?? out.model;
  out.id = asString(body.id) ?? out.id;
  out.created = unixSeconds(body.created_at) ?? out.created;
  const usage = asRecord(body.usage);
  if (usage) out.usage = { ...responsesUsage(usage), serviceTier: asString(body.service_tier) };
  // `in_progress` on response.created is not how the response ended.
  const status = asString(body.status);
  const incomplete = asString(asRecord(body.incomplete_details)?.reason);
  if (status && status !== 'in_progress' && status !== 'queued') out.finishReason = incomplete ?? status;
  const error = asRecord(body.error);
  if (error) out.error = { message: asString(error.message) ?? JSON.stringify(error), type: asString(error.code) ?? asString(error.type), code: asString(error.code) };
  if (fromItems) {
    applyOutputItems(out, asArray(body.output));
    countWebSearches(out, asArray(body.output));
  }
}

/** Each `web_search_call` item is a billed tool call (OpenAI: $10 per 1,000, genai-prices' `web_searches_kcount`). */
function countWebSearches(out: LlmResponse, items: readonly unknown[]): void {
  const searches = items.filter((item) => asRecord(item)?.type === 'web_search_call').length;
  if (searches > 0 && out.usage) out.usage.webSearches = searches;
}

export function responsesUsage(usage: Record<string, unknown>): Usage {
  const reasoning = asNumber(asRecord(usage.output_tokens_details)?.reasoning_tokens);
  return {
    inputTokens: asNumber(usage.input_tokens),
    outputTokens: outputWithReasoning(asNumber(usage.input_tokens), asNumber(usage.output_tokens), asNumber(usage.total_tokens), reasoning),
    totalTokens: asNumber(usage.total_tokens),
    cacheReadTokens: asNumber(asRecord(usage.input_tokens_details)?.cached_tokens),
    reasoningTokens: asNumber(asRecord(usage.output_tokens_details)?.reasoning_tokens),
    cost: recordedCost(usage),
  };
}

function fromStream(body: string): LlmResponse {
  const out = emptyResponse('openai-responses', true);
  const items = new ResponsesItemAccumulator();
  let terminal: Record<string, unknown> | undefined;
  for (const { event, data } of jsonEvents(body, out.warnings)) {
    const type = asString(data.type) ?? event ?? '';
    if (type === 'response.created' || type === 'response.in_progress') readResponse(out, asRecord(data.response) ?? {}, false);
    else if (TERMINAL.has(type)) terminal = asRecord(data.response) ?? {};
    else items.push(type, data);
  }
  if (items.error) out.error = items.error;
  const streamed = items.output();
  // The terminal event's `output` is the reference when the stream announced no items itself.
  if (terminal) readResponse(out, terminal, streamed.length === 0);
  if (streamed.length > 0) {
    applyOutputItems(out, streamed);
    countWebSearches(out, streamed);
  }
  if (!terminal && !out.error) {
    out.truncated = true;
    out.warnings.push('stream ended without response.completed: the result is partial');
  }
  return out;
}
