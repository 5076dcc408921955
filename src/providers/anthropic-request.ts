import { asArray, asRecord, asString, parseArguments, schemaParameterNames } from '../llm/json.js';
import type { ContentPart, InlineMedia, LlmMessage, LlmRequest, ProviderId, ToolCall, ToolDefinition } from '../llm/types.js';
import { describeMedia, pickParams } from './openai-shared.js';

const PARAMS = ['stream', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop_sequences', 'tool_choice', 'thinking', 'output_format', 'output_config', 'service_tier', 'anthropic_beta'];

/** The request side of the Messages API (direct, Vertex, or a Bedrock InvokeModel body). */
export function parseAnthropicRequest(req: Record<string, unknown>, provider: ProviderId, model?: string): LlmRequest {
  const system = anthropicText(req.system);
  return {
    provider,
    model: asString(req.model) ?? model,
    system: system || undefined,
    messages: asArray(req.messages).flatMap((m) => anthropicMessage(asRecord(m) ?? {})),
    tools: asArray(req.tools).map(anthropicTool),
    params: pickParams(req, PARAMS),
    stream: req.stream === true,
  };
}

/** A string, or the text of `[{type: 'text', text}]` blocks joined by newlines. */
function anthropicText(value: unknown): string {
  if (typeof value === 'string') return value;
  return asArray(value)
    .map((b) => asString(asRecord(b)?.text))
    .filter((t): t is string => t !== undefined)
    .join('\n');
}

/** One API message; each `tool_result` block becomes its own `tool` message so it can name its call. */
function anthropicMessage(msg: Record<string, unknown>): LlmMessage[] {
  const role = asString(msg.role) ?? 'user';
  if (typeof msg.content === 'string') return [{ role, text: msg.content }];
  const results: LlmMessage[] = [];
  const parts: ContentPart[] = [];
  const toolCalls: ToolCall[] = [];
  for (const b of asArray(msg.content)) {
    const block = asRecord(b) ?? {};
    const type = asString(block.type) ?? '';
    if (type === 'tool_result') {
      const { text, parts: resultParts } = resultContent(block.content);
      const result: LlmMessage = { role: 'tool', text, toolCallId: asString(block.tool_use_id) };
      if (resultParts.some((p) => p.type !== 'text')) result.parts = resultParts;
      results.push(result);
    } else if (type === 'tool_use' || type === 'server_tool_use' || type === 'mcp_tool_use') {
      const argumentsText = JSON.stringify(block.input ?? {});
      const call: ToolCall = { id: asString(block.id), name: asString(block.name) ?? '', arguments: parseArguments(argumentsText).value, argumentsText };
      if (type !== 'tool_use') call.serverSide = true;
      toolCalls.push(call);
    } else parts.push(contentPart(block, type));
  }
  if (parts.length === 0 && toolCalls.length === 0) return results;
  const message: LlmMessage = { role, text: textOf(parts) };
  if (parts.some((p) => p.type !== 'text')) message.parts = parts;
  if (toolCalls.length > 0) message.toolCalls = toolCalls;
  return [...results, message];
}

function resultContent(content: unknown): { text: string; parts: ContentPart[] } {
  if (typeof content === 'string') return { text: content, parts: [{ type: 'text', text: content }] };
  const parts = asArray(content).map((b) => {
    const block = asRecord(b) ?? {};
    return contentPart(block, asString(block.type) ?? '');
  });
  return { text: textOf(parts), parts };
}

function textOf(parts: readonly ContentPart[]): string {
  return parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');
}

function contentPart(block: Record<string, unknown>, type: string): ContentPart {
  switch (type) {
    case 'text':
      return { type: 'text', text: asString(block.text) ?? '' };
    case 'thinking':
      return { type: 'thinking', text: asString(block.thinking) ?? '' };
    case 'redacted_thinking':
      return { type: 'thinking', summary: 'redacted thinking' };
    case 'image':
      return { type: 'image', summary: sourceSummary(block.source), inline: base64Source(block.source) };
    case 'document':
      return { type: 'file', summary: asString(block.title) ?? sourceSummary(block.source) };
    default:
      return { type: 'other', summary: type || 'block' };
  }
}

function base64Source(value: unknown): InlineMedia | undefined {
  const source = asRecord(value) ?? {};
  const data = asString(source.data);
  return source.type === 'base64' && data ? { mediaType: asString(source.media_type), base64: data } : undefined;
}

/** `{type: base64, media_type, data}`, `{type: url, url}`, `{type: file, file_id}`, `{type: text, data}`. */
function sourceSummary(value: unknown): string {
  const source = asRecord(value) ?? {};
  const type = asString(source.type);
  if (type === 'base64') return describeMedia(`data:${asString(source.media_type) ?? 'application/octet-stream'};base64,${asString(source.data) ?? ''}`);
  if (type === 'url') return describeMedia(source.url);
  if (type === 'file') return `file ${asString(source.file_id) ?? ''}`.trim();
  if (type === 'text') return `${asString(source.media_type) ?? 'text'} document`;
  return type ?? 'inline data';
}

/** Client tools `{name, description, input_schema}` and server tools `{type: 'web_search_20250305', name}`. */
function anthropicTool(value: unknown): ToolDefinition {
  const tool = asRecord(value) ?? {};
  const schema = tool.input_schema;
  const serverType = asString(tool.type);
  return {
    name: asString(tool.name) ?? serverType ?? '',
    description: asString(tool.description) ?? (serverType && serverType !== 'custom' ? `server tool ${serverType}` : undefined),
    parameters: schemaParameterNames(schema),
    schema,
  };
}
