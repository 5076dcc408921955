import { asArray, asNumber, asRecord, asString, parseArguments, schemaParameterNames } from '../llm/json.js';
import type { ContentPart, InlineMedia, LlmError, LlmMessage, ToolDefinition } from '../llm/types.js';
import { clipText } from '../secrets/clip.js';
import { decodeUriComponentSafe } from '../text/uri.js';

/** Chat-style messages: `{role, content: string | parts[], tool_calls, tool_call_id}`. */
export function parseOpenAIMessages(messages: unknown): LlmMessage[] {
  return asArray(messages).map((m) => {
    const msg = asRecord(m) ?? {};
    const { text, parts } = contentParts(msg.content);
    const toolCalls = asArray(msg.tool_calls).map((tc) => {
      const call = asRecord(tc) ?? {};
      const fn = asRecord(call.function) ?? {};
      const raw = fn.arguments;
      const argumentsText = typeof raw === 'string' ? raw : JSON.stringify(raw ?? {});
      const parsed = parseArguments(argumentsText);
      return { id: asString(call.id), name: asString(fn.name) ?? '', arguments: parsed.value, argumentsText, argumentsError: parsed.error };
    });
    const out: LlmMessage = { role: asString(msg.role) ?? 'user', text };
    if (parts.some((p) => p.type !== 'text')) out.parts = parts;
    if (toolCalls.length > 0) out.toolCalls = toolCalls;
    if (typeof msg.tool_call_id === 'string') out.toolCallId = msg.tool_call_id;
    if (typeof msg.name === 'string') out.name = msg.name;
    return out;
  });
}

/** Text and a summary of non-text parts (images, audio, files) of a content value. */
export function contentParts(content: unknown): { text: string; parts: ContentPart[] } {
  if (typeof content === 'string') return { text: content, parts: [{ type: 'text', text: content }] };
  const parts: ContentPart[] = [];
  for (const p of asArray(content)) {
    const part = asRecord(p) ?? {};
    const type = asString(part.type) ?? '';
    const text = asString(part.text);
    if (text !== undefined && (type === 'text' || type === 'input_text' || type === 'output_text' || type === '')) {
      parts.push({ type: 'text', text });
    } else if (type.includes('image')) {
      const url = asRecord(part.image_url)?.url ?? part.image_url ?? part.url;
      parts.push({ type: 'image', summary: describeMedia(url), inline: inlineFromDataUrl(url) });
    } else if (type.includes('audio')) parts.push({ type: 'audio', summary: 'audio' });
    else if (type.includes('file')) parts.push({ type: 'file', summary: asString(asRecord(part.file)?.filename) ?? asString(part.filename) ?? 'file' });
    else parts.push({ type: 'other', summary: type || 'part' });
  }
  return { text: parts.filter((p) => p.type === 'text').map((p) => p.text).join('\n'), parts };
}

/** `data:image/png;base64,...` as inline media; other URLs (fetched by the API, never by us) give undefined. */
export function inlineFromDataUrl(url: unknown): InlineMedia | undefined {
  if (typeof url !== 'string') return undefined;
  const data = /^data:([^;,]*)(?:;[^,]*)?;base64,/.exec(url);
  return data ? { mediaType: data[1] || undefined, base64: url.slice(data[0].length) } : undefined;
}

/** A data: URL becomes `image/png, 12 KB`; other URLs are kept. */
export function describeMedia(url: unknown): string {
  if (typeof url !== 'string') return 'inline data';
  const data = /^data:([^;,]+)[^,]*,(.*)$/s.exec(url);
  if (data) return `${data[1]}, ${Math.round((data[2]!.length * 3) / 4 / 1024)} KB inline`;
  return url.length > 120 ? `${url.slice(0, 117)}...` : url;
}

/** `tools: [{type: 'function', function: {name, description, parameters}}]`, also flat and legacy `functions`. */
export function parseOpenAITools(tools: unknown): ToolDefinition[] {
  return asArray(tools).map((t) => {
    const tool = asRecord(t) ?? {};
    const fn = asRecord(tool.function) ?? tool;
    const schema = fn.parameters ?? fn.input_schema;
    return {
      name: asString(fn.name) ?? asString(tool.type) ?? '',
      description: asString(fn.description),
      parameters: schemaParameterNames(schema),
      schema,
    };
  });
}

/**
 * The deployment an Azure OpenAI path names (`/openai/deployments/<name>/chat/completions`), which
 * stands for the model there: Azure needs no `model` in the body. Undefined for any other path.
 */
export function azureDeployment(path: string): string | undefined {
  const name = /\/openai\/deployments\/([^/]+)\//.exec(path)?.[1];
  return name === undefined ? undefined : decodeUriComponentSafe(name);
}

/** The parameters worth showing, in a stable order. */
export function pickParams(req: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (req[key] !== undefined) out[key] = req[key];
  return out;
}

/** `{error: {message, type, code}}` or `{error: "..."}` or `{message}` in an HTTP error body. */
export function errorFromBody(body: Record<string, unknown> | undefined, status: number): LlmError | undefined {
  if (!body) return undefined;
  const error = body.error;
  if (typeof error === 'string') return { message: error };
  const record = asRecord(error);
  if (record) {
    return {
      message: asString(record.message) ?? JSON.stringify(record),
      type: asString(record.type) ?? asString(record.status),
      code: asString(record.code) ?? asNumber(record.code),
    };
  }
  if (status >= 400) {
    const message = asString(body.message) ?? asString(body.detail) ?? asString(body.Message);
    return { message: message ?? clipText(JSON.stringify(body), 300), type: asString(body.type) ?? asString(body.__type) };
  }
  return undefined;
}

/**
 * The answer and the reasoning in a response message's or delta's `content`: a string, or an
 * array of parts routed by type (Mistral's `text` and `thinking` parts, whose `thinking` is
 * itself a list of text parts or a string).
 */
export function routeContent(content: unknown): { text: string; reasoning: string } {
  if (typeof content === 'string') return { text: content, reasoning: '' };
  let text = '';
  let reasoning = '';
  for (const p of asArray(content)) {
    const part = asRecord(p) ?? (typeof p === 'string' ? { type: 'text', text: p } : {});
    const type = asString(part.type) ?? '';
    if (type === 'thinking' || type === 'reasoning') reasoning += thinkingText(part.thinking ?? part.reasoning ?? part.text);
    else if (type === 'text' || type === 'output_text' || type === '') text += asString(part.text) ?? '';
  }
  return { text, reasoning };
}

function thinkingText(value: unknown): string {
  if (typeof value === 'string') return value;
  return asArray(value)
    .map((t) => (typeof t === 'string' ? t : (asString(asRecord(t)?.text) ?? '')))
    .join('');
}

/** The first non-empty string: an empty `reasoning` must not hide a filled `reasoning_content`. */
export function firstText(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v !== '') return v;
  return undefined;
}
