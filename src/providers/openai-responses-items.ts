import { asArray, asRecord, asString } from '../llm/json.js';
import type { LlmResponse, ToolCall } from '../llm/types.js';
import { toolCall } from './openai-chat.js';

/**
 * Output items the provider runs itself: server-side tool calls, named after the tool (MCP calls
 * and approval requests) or after their type (web search, file search, code interpreter, images).
 */
const SERVER_SIDE = new Set(['web_search_call', 'file_search_call', 'code_interpreter_call', 'image_generation_call', 'mcp_call', 'mcp_approval_request']);
/** Client tool calls whose input is an `action` (or `actions`) object rather than JSON arguments. */
const ACTION_CALLS = new Set(['computer_call', 'local_shell_call', 'shell_call', 'apply_patch_call']);

/**
 * Fold Responses `output` items into a response, in `output` order: message text and refusals,
 * reasoning (summaries then content, each item's parts and the items joined by a blank line),
 * client calls (`function_call` with JSON `arguments`, `custom_tool_call` with free-form `input`,
 * action calls), server-side calls. Other item types (`mcp_list_tools`, and types added after this
 * was written) are listed in `otherOutputs` by type, not guessed at.
 */
export function applyOutputItems(out: LlmResponse, items: readonly unknown[]): void {
  const reasoning: string[] = out.reasoning ? [out.reasoning] : [];
  for (const raw of items) {
    const item = asRecord(raw) ?? {};
    const type = asString(item.type) ?? '';
    if (type === 'message') {
      for (const part of asArray(item.content)) {
        const p = asRecord(part) ?? {};
        if (p.type === 'refusal') out.refusal = (out.refusal ?? '') + (asString(p.refusal) ?? '');
        else out.text += asString(p.text) ?? '';
      }
    } else if (type === 'reasoning') {
      const text = reasoningText(item);
      if (text) reasoning.push(text);
    } else if (type === 'function_call') out.toolCalls.push(functionCall(item));
    else if (type === 'custom_tool_call') out.toolCalls.push(customCall(item));
    else if (ACTION_CALLS.has(type)) out.toolCalls.push(toolCall(callId(item), type, JSON.stringify(item.action ?? item.actions ?? item.operation ?? {})));
    else if (SERVER_SIDE.has(type)) out.toolCalls.push({ ...serverCall(item, type), serverSide: true });
    else (out.otherOutputs ??= []).push(type || 'item without a type');
  }
  out.reasoning = reasoning.join('\n\n');
  for (const call of out.toolCalls) if (call.argumentsError) out.warnings.push(`tool call ${call.name}: ${call.argumentsError}`);
}

function serverCall(item: Record<string, unknown>, type: string): ToolCall {
  const args = item.arguments;
  const input = typeof args === 'string' ? args : JSON.stringify(asRecord(item.action) ?? args ?? {});
  return toolCall(asString(item.id), asString(item.name) ?? type, input);
}

function callId(item: Record<string, unknown>): string | undefined {
  return asString(item.call_id) ?? asString(item.id);
}

export function functionCall(item: Record<string, unknown>): ToolCall {
  const args = item.arguments;
  return toolCall(callId(item), asString(item.name) ?? '', typeof args === 'string' ? args : JSON.stringify(args ?? {}));
}

/** A custom tool's input is free text, not JSON: it is kept as the text it is. */
function customCall(item: Record<string, unknown>): ToolCall {
  const input = asString(item.input) ?? '';
  return { id: callId(item), name: asString(item.name) ?? '', arguments: input, argumentsText: input };
}

/** A reasoning item's summary parts, then its content parts (raw reasoning text), joined by blank lines. */
export function reasoningText(item: Record<string, unknown>): string {
  const summary = asArray(item.summary).map((s) => asString(asRecord(s)?.text) ?? '');
  const content = asArray(item.content).map((s) => asString(asRecord(s)?.text) ?? '');
  return [...summary, ...content].filter(Boolean).join('\n\n');
}
