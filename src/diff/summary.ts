import type { LlmMessage } from '../llm/types.js';
import { brief } from './json-diff.js';
import type { JsonChange, SummaryLine } from './types.js';

const MESSAGE_KEYS = new Set(['messages', 'input', 'contents', 'chat_history']);
const SYSTEM_KEYS = new Set(['system', 'instructions', 'systemInstruction', 'system_instruction', 'preamble']);
const TOOL_KEYS = new Set(['tools', 'functions', 'toolConfig', 'tool_config']);

/** `{"location": "Florence,Italy"}`: one line, readable spacing. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `assistant: "I'll check…" + weather {"location": "Florence,Italy"}`, or `tool: "40 C"`. */
export function describeMessage(message: LlmMessage | undefined, raw: unknown): string {
  if (message) {
    const parts: string[] = [];
    if (message.text) parts.push(brief(message.text, 70));
    for (const call of message.toolCalls ?? []) parts.push(`${call.name} ${inlineJson(call.arguments)}`);
    if (parts.length === 0 && message.parts?.length) parts.push(message.parts.map((p) => p.summary ?? p.type).join(', '));
    return `${message.role}: ${parts.join(' + ') || '(empty)'}`;
  }
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return `${String(record.role ?? record.type ?? 'item')}: ${brief(record.content ?? record.parts ?? raw, 70)}`;
}

function topKey(path: string): string {
  return /^("(?:[^"\\]|\\.)*"|[^.[]+)/.exec(path)?.[1] ?? path;
}

function changeText(c: JsonChange): string {
  if (c.kind === 'added') return `${c.path} added${c.after !== undefined && typeof c.after !== 'object' ? ` (${brief(c.after)})` : ''}`;
  if (c.kind === 'removed') return `${c.path} removed${c.before !== undefined && typeof c.before !== 'object' ? ` (was ${brief(c.before)})` : ''}`;
  return `${c.path}: ${brief(c.before)} → ${brief(c.after)}`;
}

export interface RequestSides {
  beforeMessages?: LlmMessage[] | undefined;
  afterMessages?: LlmMessage[] | undefined;
  beforeRaw: unknown;
  afterRaw: unknown;
}

/**
 * The conversation-aware summary of request changes: model, system prompt, messages appended
 * versus edited versus removed, tools, then parameters.
 */
export function summarizeRequest(changes: readonly JsonChange[], sides: RequestSides): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const rawMessages = (side: unknown, key: string) => ((side as Record<string, unknown> | null)?.[key] as unknown[] | undefined) ?? [];
  const messageLine = (key: string, index: number, after: boolean) => {
    const parsed = after ? sides.afterMessages : sides.beforeMessages;
    const raw = rawMessages(after ? sides.afterRaw : sides.beforeRaw, key);
    // Parsed messages line up with the raw list when the provider maps items one to one.
    const message = parsed && parsed.length === raw.length ? parsed[index] : undefined;
    return describeMessage(message, raw[index]);
  };
  for (const c of changes) {
    const key = topKey(c.path);
    const item = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[(\\d+)\\]$`).exec(c.path);
    if (key === 'model') lines.push({ category: 'model', text: changeText(c) });
    else if (MESSAGE_KEYS.has(key) && c.path === key && c.kind !== 'changed') lines.push({ category: 'request', text: changeText(c) });
    else if (MESSAGE_KEYS.has(key) && item && c.kind !== 'changed') {
      const index = Number(item[1]);
      const added = c.kind === 'added';
      lines.push({ category: added ? 'messages-appended' : 'messages-removed', text: `${c.path} ${added ? 'added' : 'removed'} (${messageLine(key, index, added)})` });
    } else if (MESSAGE_KEYS.has(key)) {
      const index = /^[^[]+\[(\d+)\]/.exec(c.path)?.[1];
      if (index !== undefined && key === 'messages' && Number(index) === 0 && /role|content/.test(c.path) && isSystem(sides.afterRaw, key)) {
        lines.push({ category: 'system', text: `system prompt changed: ${changeText(c)}` });
      } else lines.push({ category: 'messages-edited', text: changeText(c) });
    } else if (SYSTEM_KEYS.has(key)) lines.push({ category: 'system', text: changeText(c) });
    else if (TOOL_KEYS.has(key)) lines.push({ category: 'tools', text: changeText(c) });
    else lines.push({ category: 'parameters', text: changeText(c) });
  }
  // Canonical JSON sorts keys; a reader wants model, system prompt, messages, tools, then parameters.
  return lines.sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category));
}

const ORDER: SummaryLine['category'][] = ['request', 'model', 'system', 'messages-appended', 'messages-edited', 'messages-removed', 'tools', 'parameters', 'response', 'usage'];

function isSystem(raw: unknown, key: string): boolean {
  const first = ((raw as Record<string, unknown> | null)?.[key] as unknown[] | undefined)?.[0] as Record<string, unknown> | undefined;
  return first?.role === 'system' || first?.role === 'developer';
}

/** One line per category: `2 messages appended, tools changed`. */
export function headline(lines: readonly SummaryLine[]): string {
  const count = (c: SummaryLine['category']) => lines.filter((l) => l.category === c).length;
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (count('model')) parts.push('model changed');
  if (count('system')) parts.push('system prompt changed');
  if (count('messages-appended')) parts.push(`${plural(count('messages-appended'), 'message')} appended`);
  if (count('messages-edited')) parts.push(`${plural(new Set(lines.filter((l) => l.category === 'messages-edited').map((l) => /^[^.]*?\[\d+\]/.exec(l.text)?.[0])).size, 'message')} edited`);
  if (count('messages-removed')) parts.push(`${plural(count('messages-removed'), 'message')} removed`);
  if (count('tools')) parts.push('tools changed');
  if (count('parameters')) parts.push('parameters changed');
  if (count('request')) parts.push('request changed');
  if (count('response')) parts.push('response changed');
  if (count('usage')) parts.push('usage changed');
  return parts.join(', ');
}

export { changeText };
