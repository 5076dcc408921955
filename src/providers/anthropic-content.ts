import { asArray, asNumber, asRecord, asString } from '../llm/json.js';
import type { LlmResponse, Usage } from '../llm/types.js';
import { toolCall } from './openai-chat.js';

/** One finished Messages API content block, streamed or not, with tool input still as text. */
export interface AnthropicBlock {
  type: string;
  text?: string | undefined;
  thinking?: string | undefined;
  id?: string | undefined;
  name?: string | undefined;
  /** Tool input exactly as recorded (streamed JSON, or the serialized `input` object). */
  inputText?: string | undefined;
}

const SERVER_TOOL_BLOCKS = new Set(['server_tool_use', 'mcp_tool_use']);

/** Fold content blocks into the response: text, thinking, client and server tool calls. */
export function applyAnthropicBlocks(out: LlmResponse, blocks: readonly AnthropicBlock[]): void {
  for (const block of blocks) {
    if (block.type === 'text') out.text += block.text ?? '';
    else if (block.type === 'thinking') out.reasoning += (out.reasoning ? '\n\n' : '') + (block.thinking ?? '');
    else if (block.type === 'redacted_thinking') out.redactedThinkingBlocks = (out.redactedThinkingBlocks ?? 0) + 1;
    else if (block.type === 'tool_use' || SERVER_TOOL_BLOCKS.has(block.type)) {
      const call = toolCall(block.id, block.name ?? '', block.inputText ?? '');
      if (SERVER_TOOL_BLOCKS.has(block.type)) call.serverSide = true;
      out.toolCalls.push(call);
      if (call.argumentsError) out.warnings.push(`tool call ${call.name}: ${call.argumentsError}`);
    }
    // Tool results (web_search_tool_result, code_execution_tool_result...) are inputs the server fed itself.
  }
}

/** A non-streamed content block object. */
export function blockFromJson(value: unknown): AnthropicBlock {
  const block = asRecord(value) ?? {};
  const input = block.input;
  return {
    type: asString(block.type) ?? '',
    text: asString(block.text),
    thinking: asString(block.thinking),
    id: asString(block.id),
    name: asString(block.name),
    inputText: input === undefined ? undefined : JSON.stringify(input),
  };
}

/** Read a non-streamed Messages response (or legacy Text Completions) into `out`. */
export function applyAnthropicMessage(out: LlmResponse, body: Record<string, unknown>): void {
  out.id = asString(body.id) ?? out.id;
  out.model = asString(body.model) ?? out.model;
  applyAnthropicBlocks(out, asArray(body.content).map(blockFromJson));
  if (typeof body.completion === 'string') out.text += body.completion;
  out.finishReason = asString(body.stop_reason) ?? out.finishReason;
  const usage = asRecord(body.usage);
  if (usage) out.usage = anthropicUsage(usage);
}

/**
 * Anthropic counts `input_tokens` without the cached part: the prompt's real size is
 * input + cache reads + cache writes. `cache_creation.ephemeral_1h_input_tokens` says how many
 * of the writes used the 1-hour TTL (priced 2x input instead of 1.25x).
 */
export function anthropicUsage(usage: Record<string, unknown>): Usage {
  const input = asNumber(usage.input_tokens);
  const read = asNumber(usage.cache_read_input_tokens);
  const write = asNumber(usage.cache_creation_input_tokens);
  const total = input === undefined && read === undefined && write === undefined ? undefined : (input ?? 0) + (read ?? 0) + (write ?? 0);
  const oneHour = asNumber(asRecord(usage.cache_creation)?.ephemeral_1h_input_tokens);
  const searches = asNumber(asRecord(usage.server_tool_use)?.web_search_requests);
  return { inputTokens: total, outputTokens: asNumber(usage.output_tokens), cacheReadTokens: read, cacheWriteTokens: write, cacheWrite1hTokens: oneHour || undefined, webSearches: searches || undefined, inferenceGeo: asString(usage.inference_geo) };
}
