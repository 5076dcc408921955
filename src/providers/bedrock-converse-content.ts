import { asArray, asRecord, asString, parseArguments, schemaParameterNames } from '../llm/json.js';
import type { ContentPart, InlineMedia, LlmMessage, LlmRequest, LlmResponse, ProviderId, ToolCall, ToolDefinition } from '../llm/types.js';
import { toolCall } from './openai-chat.js';
import { pickParams } from './openai-shared.js';
import { bedrockUsage } from './bedrock-shared.js';

/**
 * The request side of Converse, and of Amazon Nova's InvokeModel body (same `messages`,
 * `system`, `inferenceConfig`, `toolConfig`).
 */
export function parseConverseRequest(req: Record<string, unknown>, provider: ProviderId, model: string | undefined, stream: boolean): LlmRequest {
  const system = asArray(req.system)
    .map((b) => asString(asRecord(b)?.text))
    .filter((t): t is string => t !== undefined)
    .join('\n');
  const toolConfig = asRecord(req.toolConfig) ?? {};
  const params: Record<string, unknown> = { ...asRecord(req.inferenceConfig) };
  if (toolConfig.toolChoice !== undefined) params.toolChoice = toolConfig.toolChoice;
  Object.assign(params, pickParams(req, ['additionalModelRequestFields', 'performanceConfig', 'guardrailConfig']));
  return {
    provider,
    model,
    system: system || undefined,
    messages: asArray(req.messages).flatMap((m) => converseMessage(asRecord(m) ?? {})),
    tools: asArray(toolConfig.tools).map(converseTool),
    params,
    stream,
  };
}

/** Converse content blocks are objects with one key: `{text}`, `{image}`, `{toolUse}`, `{toolResult}`... */
function converseMessage(msg: Record<string, unknown>): LlmMessage[] {
  const role = asString(msg.role) ?? 'user';
  const results: LlmMessage[] = [];
  const parts: ContentPart[] = [];
  const toolCalls: ToolCall[] = [];
  for (const b of asArray(msg.content)) {
    const block = asRecord(b) ?? {};
    const use = asRecord(block.toolUse);
    const result = asRecord(block.toolResult);
    if (use) {
      const argumentsText = JSON.stringify(use.input ?? {});
      toolCalls.push({ id: asString(use.toolUseId), name: asString(use.name) ?? '', arguments: parseArguments(argumentsText).value, argumentsText });
    } else if (result) {
      const resultParts = asArray(result.content).map((c) => contentPart(asRecord(c) ?? {}));
      const message: LlmMessage = { role: 'tool', text: textOf(resultParts), toolCallId: asString(result.toolUseId) };
      if (resultParts.some((p) => p.type !== 'text')) message.parts = resultParts;
      results.push(message);
    } else if (!block.cachePoint) parts.push(contentPart(block));
  }
  if (parts.length === 0 && toolCalls.length === 0) return results;
  const message: LlmMessage = { role, text: textOf(parts) };
  if (parts.some((p) => p.type !== 'text')) message.parts = parts;
  if (toolCalls.length > 0) message.toolCalls = toolCalls;
  return [...results, message];
}

function contentPart(block: Record<string, unknown>): ContentPart {
  if (typeof block.text === 'string') return { type: 'text', text: block.text };
  if (block.json !== undefined) return { type: 'text', text: JSON.stringify(block.json) };
  const reasoning = asRecord(block.reasoningContent);
  if (reasoning) {
    const text = asString(asRecord(reasoning.reasoningText)?.text);
    return text !== undefined ? { type: 'thinking', text } : { type: 'thinking', summary: 'redacted thinking' };
  }
  for (const [key, type] of [['image', 'image'], ['document', 'file'], ['video', 'file']] as const) {
    const media = asRecord(block[key]);
    if (media) return { type, summary: mediaSummary(key, media), inline: key === 'image' ? imageBytes(media) : undefined };
  }
  return { type: 'other', summary: Object.keys(block)[0] ?? 'block' };
}

function imageBytes(media: Record<string, unknown>): InlineMedia | undefined {
  const bytes = asString(asRecord(media.source)?.bytes);
  const format = asString(media.format);
  return bytes ? { mediaType: format ? `image/${format}` : undefined, base64: bytes } : undefined;
}

/** `{format: 'png', source: {bytes}}` -> `png image, 12 KB inline`; S3 sources keep their URI. */
function mediaSummary(kind: string, media: Record<string, unknown>): string {
  const source = asRecord(media.source) ?? {};
  const label = [asString(media.name), asString(media.format), kind].filter(Boolean).join(' ');
  const s3 = asString(asRecord(source.s3Location)?.uri);
  if (s3) return `${label}, ${s3}`;
  const bytes = asString(source.bytes);
  return bytes ? `${label}, ${Math.round((bytes.length * 3) / 4 / 1024)} KB inline` : label;
}

function textOf(parts: readonly ContentPart[]): string {
  return parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');
}

function converseTool(value: unknown): ToolDefinition {
  const spec = asRecord(asRecord(value)?.toolSpec) ?? asRecord(value) ?? {};
  const schema = asRecord(spec.inputSchema)?.json ?? spec.inputSchema;
  return { name: asString(spec.name) ?? Object.keys(asRecord(value) ?? {})[0] ?? '', description: asString(spec.description), parameters: schemaParameterNames(schema), schema };
}

/** A Converse (or Nova InvokeModel) response body: `output.message.content[]`, `stopReason`, `usage`. */
export function applyConverseOutput(out: LlmResponse, body: Record<string, unknown>): void {
  const message = asRecord(asRecord(body.output)?.message) ?? {};
  const reasoning: string[] = [];
  for (const b of asArray(message.content)) {
    const block = asRecord(b) ?? {};
    if (typeof block.text === 'string') out.text += block.text;
    const citations = asRecord(block.citationsContent);
    for (const c of asArray(citations?.content)) out.text += asString(asRecord(c)?.text) ?? '';
    const use = asRecord(block.toolUse);
    if (use) out.toolCalls.push(toolCall(asString(use.toolUseId), asString(use.name) ?? '', JSON.stringify(use.input ?? {})));
    const thought = asRecord(block.reasoningContent);
    const thoughtText = asString(asRecord(thought?.reasoningText)?.text);
    if (thoughtText) reasoning.push(thoughtText);
    if (thought?.redactedContent !== undefined) out.redactedThinkingBlocks = (out.redactedThinkingBlocks ?? 0) + 1;
  }
  out.reasoning = reasoning.join('\n\n');
  out.finishReason = asString(body.stopReason) ?? out.finishReason;
  const usage = asRecord(body.usage);
  if (usage) out.usage = bedrockUsage(usage);
}
