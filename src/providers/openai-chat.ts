import { mediaType } from '../model/headers.js';
import type { Interaction } from '../model/types.js';
import { asArray, asNumber, asRecord, asString, markEventJson, parseArguments, tryEventJson, unixSeconds } from '../llm/json.js';
import { type ChunkTemplate, fillOf, templateOf } from '../llm/chunk-template.js';
import { lineOf, looksLikeSse, parseSse } from '../llm/sse.js';
import { argumentsFragment, ToolCallAssembler } from '../llm/tool-calls.js';
import type { Choice, LlmError, LlmResponse, Provider, ToolCall } from '../llm/types.js';
import { openAIUsage, withGatewayReasoning } from './openai-usage.js';
import { azureDeployment, errorFromBody, firstText, parseOpenAIMessages, parseOpenAITools, pickParams, routeContent } from './openai-shared.js';
import { clipText } from '../secrets/clip.js';

/** OpenAI Chat Completions and the many APIs that copy it (OpenRouter, Azure, Groq, Mistral, DeepSeek, xAI...). */
export const openaiChat: Provider = {
  id: 'openai-chat',
  description: 'OpenAI Chat Completions and compatible APIs (OpenRouter, Azure OpenAI, Groq, Mistral, DeepSeek, xAI, Together...)',
  detect(interaction) {
    const path = pathOf(interaction.request.url);
    // endsWith, not /\/chat\/completions\/?$/: that RegExp, run for every interaction, was compiled at every start.
    if (path.endsWith('/chat/completions') || path.endsWith('/chat/completions/')) return true;
    const req = asRecord(interaction.request.body.json);
    return Array.isArray(req?.messages) && typeof req?.model === 'string' && !path.includes('/messages') && !path.includes('/api/chat');
  },
  parseRequest(interaction) {
    const req = asRecord(interaction.request.body.json) ?? {};
    return {
      provider: 'openai-chat',
      model: asString(req.model) ?? azureDeployment(pathOf(interaction.request.url)),
      messages: parseOpenAIMessages(req.messages),
      tools: parseOpenAITools(req.tools ?? req.functions),
      params: pickParams(req, ['stream', 'max_tokens', 'max_completion_tokens', 'temperature', 'top_p', 'tool_choice', 'response_format', 'reasoning_effort', 'reasoning', 'n', 'seed', 'stop', 'parallel_tool_calls']),
      stream: req.stream === true,
    };
  },
  parseResponse(interaction) {
    const out = reassembleOpenAIChat(interaction);
    if (out?.usage) out.usage = withGatewayReasoning(out.usage, interaction.request.url);
    return out;
  },
};

// Every provider's detect asks for the same interaction's path in turn: remember the last one.
let lastPath: { url: string; path: string } | undefined;

export function pathOf(url: string): string {
  if (lastPath?.url === url) return lastPath.path;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split('?')[0] ?? url;
  }
  lastPath = { url, path };
  return path;
}

/** Reassemble a Chat Completions response: SSE chunks or one JSON body. */
export function reassembleOpenAIChat(interaction: Interaction): LlmResponse | undefined {
  const res = interaction.response;
  if (!res) return undefined;
  const text = res.body.text;
  if (looksLikeSse(text, mediaType(res.headers)) && text) return fromStream(text);
  const out = emptyResponse(false);
  const body = asRecord(res.body.json);
  const error = errorFromBody(body, res.status);
  if (error) out.error = error;
  if (!body) {
    if (!error && res.status >= 400) out.error = { message: clipText(text ?? '', 500) || `HTTP ${res.status}` };
    return out;
  }
  readEnvelope(out, body);
  const choices = asArray(body.choices).map((c, i) => choiceFromMessage(asRecord(c) ?? {}, i));
  applyChoices(out, choices);
  return out;
}

function emptyResponse(streamed: boolean): LlmResponse {
  return { provider: 'openai-chat', text: '', reasoning: '', toolCalls: [], streamed, warnings: [] };
}

// Read once per chunk of a stream (~35 per interaction): typeof tests written out, not helper calls,
// since named input of 1-24 MiB in all runs without TurboFan, which would inline them (bin/cassette.js).
function readEnvelope(out: LlmResponse, body: Record<string, unknown>): void {
  const { model, id, created, choices } = body;
  if (typeof model === 'string') out.model = model;
  if (typeof id === 'string') out.id = id;
  if (typeof created === 'number') out.created = unixSeconds(created) ?? out.created;
  // Groq streams put usage under `x_groq` on the last chunk; Moonshot (Kimi) streams in the last chunk's choice.
  const first = Array.isArray(choices) ? (choices[0] as unknown) : undefined;
  const usage =
    asRecord(body.usage) ??
    (body.x_groq === undefined ? undefined : asRecord(asRecord(body.x_groq)?.usage)) ??
    (typeof first === 'object' && first !== null && (first as Record<string, unknown>).usage !== undefined ? asRecord(asRecord(first)?.usage) : undefined);
  if (usage) out.usage = { ...openAIUsage(usage), serviceTier: asString(body.service_tier) };
}

function choiceFromMessage(choice: Record<string, unknown>, fallback: number): Choice {
  const message = asRecord(choice.message) ?? {};
  const toolCalls = asArray(message.tool_calls).map((tc) => {
    const call = asRecord(tc) ?? {};
    const fn = asRecord(call.function) ?? {};
    const raw = fn.arguments;
    return toolCall(asString(call.id), asString(fn.name) ?? '', typeof raw === 'string' ? raw : JSON.stringify(raw ?? {}));
  });
  const legacy = asRecord(message.function_call);
  if (legacy) toolCalls.push(toolCall(undefined, asString(legacy.name) ?? '', asString(legacy.arguments) ?? ''));
  const content = routeContent(message.content);
  return {
    index: asNumber(choice.index) ?? fallback,
    text: content.text,
    reasoning: firstText(message.reasoning, message.reasoning_content, content.reasoning) ?? reasoningDetailsText(message.reasoning_details),
    refusal: asString(message.refusal) ?? undefined,
    toolCalls,
    finishReason: asString(choice.finish_reason),
  };
}

function reasoningDetailsText(details: unknown): string {
  return asArray(details)
    .map((d) => {
      const r = asRecord(d) ?? {};
      return asString(r.text) ?? asString(r.summary) ?? '';
    })
    .join('');
}

export function toolCall(id: string | undefined, name: string, argumentsText: string): ToolCall {
  const parsed = parseArguments(argumentsText);
  return { id, name, arguments: parsed.value, argumentsText, argumentsError: parsed.error };
}

interface ChoiceAccumulator {
  index: number;
  text: string;
  reasoning: string;
  refusal: string;
  finishReason?: string | undefined;
  calls: ToolCallAssembler;
}

function fromStream(body: string): LlmResponse {
  const out = emptyResponse(true);
  const stream = parseSse(body);
  const choices = new Map<number, ChoiceAccumulator>();
  // Another API's stream sent with an OpenAI-shaped request (Sourcegraph's `event: completion`
  // with `deltaText`) has no chunk of ours: say so instead of calling it truncated.
  let chunks = 0;
  const otherEvents = new Set<string>();
  // Indexed loops: a for...of over an array makes an iterator and a result per step without TurboFan.
  const events = stream.events;
  // The last chunk read, as a template for the next ones that differ from it only in their text.
  let template: ChunkTemplate | undefined;
  let templateChoice: ChoiceAccumulator | undefined;
  for (let e = 0; e < events.length; e++) {
    const event = events[e]!;
    if (template !== undefined && event.event !== 'error') {
      const text = fillOf(event.data, template);
      if (text !== undefined) {
        markEventJson(event);
        chunks++;
        templateChoice!.text += text;
        continue;
      }
    }
    template = undefined;
    const parsed = tryEventJson(event);
    if (!parsed.ok) {
      const line = lineOf(body, event.data);
      out.warnings.push(`chunk${line ? ` at body line ${line}` : ''} is not JSON: ${clipText(event.data, 60)}`);
      continue;
    }
    const chunk = asRecord(parsed.value);
    if (!chunk) continue;
    if (isChatChunk(chunk)) chunks++;
    else otherEvents.add(event.event ?? 'message');
    // An error chunk may still carry usage and a last delta (OpenRouter): read them too.
    if (chunk.error !== undefined || event.event === 'error') {
      const error = chunkError(chunk, event.event);
      if (error) out.error = error;
    }
    readEnvelope(out, chunk);
    const list = chunk.choices;
    if (Array.isArray(list)) for (let c = 0; c < list.length; c++) applyDelta(choices, asRecord(list[c]) ?? NO_CHOICE);
    const choice = textOnlyChoice(chunk);
    if (choice) {
      template = templateOf(event.data, '"content"');
      templateChoice = choices.get(asNumber(choice.index) ?? 0);
    }
  }
  const finished = [...choices.values()].sort((a, b) => a.index - b.index).map(finishChoice);
  applyChoices(out, finished);
  if (chunks === 0 && otherEvents.size > 0 && !out.error) {
    out.warnings.push(`stream events are not OpenAI chat chunks (${[...otherEvents].join(', ')}): not reassembled`);
  } else if (!stream.done && !finished.some((c) => c.finishReason) && !out.error) {
    out.truncated = true;
    out.warnings.push('stream ended without [DONE] or a finish_reason: the response may be truncated');
  }
  return out;
}

/**
 * The one choice of a chunk that adds only its delta's string `content` to the response, read again
 * with another string there (see fromStream): no error, usage, refusal, reasoning or tool calls,
 * which readEnvelope and applyDeltaFields would take twice. Its finish_reason, model, id and
 * created are the same again. Undefined for any other chunk.
 */
function textOnlyChoice(chunk: Record<string, unknown>): Record<string, unknown> | undefined {
  const list = chunk.choices;
  if (!Array.isArray(list) || list.length !== 1 || chunk.error !== undefined || chunk.usage !== undefined || chunk.x_groq !== undefined) return undefined;
  const choice = asRecord(list[0]);
  const delta = asRecord(choice?.delta);
  if (!delta || typeof delta.content !== 'string' || choice!.usage !== undefined) return undefined;
  const { refusal, reasoning, reasoning_content: reasoningContent, reasoning_details: details, tool_calls: toolCalls } = delta;
  if (typeof refusal === 'string' || Array.isArray(details) || Array.isArray(toolCalls)) return undefined;
  return (typeof reasoning !== 'string' || reasoning === '') && (typeof reasoningContent !== 'string' || reasoningContent === '') ? choice : undefined;
}

/** A chat completion chunk has `choices`, `usage`, an `object` type or an `error` (OpenAI API reference). */
function isChatChunk(chunk: Record<string, unknown>): boolean {
  return Array.isArray(chunk.choices) || 'usage' in chunk || typeof chunk.object === 'string' || 'error' in chunk || 'x_groq' in chunk;
}

/** A choice that is not an object reads as an empty one (index 0, no delta). */
const NO_CHOICE: Record<string, unknown> = Object.freeze({});

function applyDelta(choices: Map<number, ChoiceAccumulator>, choice: Record<string, unknown>): void {
  const index = asNumber(choice.index) ?? 0;
  let acc = choices.get(index);
  if (!acc) {
    acc = { index, text: '', reasoning: '', refusal: '', calls: new ToolCallAssembler() };
    choices.set(index, acc);
  }
  const delta = asRecord(choice.delta);
  // No delta (the last chunk's, or a usage chunk's) adds nothing: it reads as `{}`.
  if (delta) applyDeltaFields(acc, delta);
  const finish = choice.finish_reason;
  if (typeof finish === 'string' && finish !== '') acc.finishReason = finish;
}

/**
 * A delta's text, refusal, reasoning and tool-call fragments added to its choice. What the helpers
 * (routeContent, firstText, asArray) would give, with the common shapes (a string content, no
 * reasoning, no tool calls) tested inline: this runs once per chunk of every stream.
 */
function applyDeltaFields(acc: ChoiceAccumulator, delta: Record<string, unknown>): void {
  const { content, refusal, reasoning, reasoning_content: reasoningContent, tool_calls: toolCalls } = delta;
  let contentReasoning = '';
  if (typeof content === 'string') acc.text += content;
  else if (Array.isArray(content)) {
    const routed = routeContent(content);
    acc.text += routed.text;
    contentReasoning = routed.reasoning;
  }
  if (typeof refusal === 'string') acc.refusal += refusal;
  // OpenRouter sends `reasoning` and the same text again in `reasoning_details`: read one of them.
  if (typeof reasoning === 'string' && reasoning !== '') acc.reasoning += reasoning;
  else if (typeof reasoningContent === 'string' && reasoningContent !== '') acc.reasoning += reasoningContent;
  else if (contentReasoning !== '') acc.reasoning += contentReasoning;
  else if (Array.isArray(delta.reasoning_details)) acc.reasoning += reasoningDetailsText(delta.reasoning_details);
  if (!Array.isArray(toolCalls)) return;
  for (let t = 0; t < toolCalls.length; t++) {
    const frag = asRecord(toolCalls[t]) ?? {};
    const fn = asRecord(frag.function) ?? {};
    acc.calls.push({ index: asNumber(frag.index), id: asString(frag.id), name: asString(fn.name), args: argumentsFragment(fn.arguments) });
  }
}

function finishChoice(acc: ChoiceAccumulator): Choice {
  const toolCalls = acc.calls.calls.map((c) => toolCall(c.id, c.name, c.args));
  return { index: acc.index, text: acc.text, reasoning: acc.reasoning, refusal: acc.refusal || undefined, toolCalls, finishReason: acc.finishReason };
}

function applyChoices(out: LlmResponse, choices: Choice[]): void {
  const first = choices[0];
  if (first) {
    out.text = first.text;
    out.reasoning = first.reasoning;
    out.refusal = first.refusal;
    out.toolCalls = first.toolCalls;
    out.finishReason = first.finishReason;
  }
  if (choices.length > 1) out.choices = choices;
  for (const call of out.toolCalls) if (call.argumentsError) out.warnings.push(`tool call ${call.name}: ${call.argumentsError}`);
}

/** An error chunk (`{"error": {...}}`, or the data of an `event: error`) as an LLM error. */
export function chunkError(chunk: Record<string, unknown>, eventName: string | undefined): LlmError | undefined {
  const error = asRecord(chunk.error) ?? (eventName === 'error' ? chunk : undefined);
  if (!error) return typeof chunk.error === 'string' ? { message: chunk.error } : undefined;
  const type = asString(error.type) ?? asString(error.status);
  return { message: asString(error.message) ?? JSON.stringify(error), type: type === 'error' ? undefined : type, code: asString(error.code) ?? asNumber(error.code) };
}
