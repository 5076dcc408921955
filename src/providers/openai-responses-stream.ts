import { asArray, asNumber, asRecord, asString } from '../llm/json.js';
import type { LlmError } from '../llm/types.js';

type Item = Record<string, unknown>;

/** Which item type a delta event implies when its item was never announced. */
const DELTA_ITEM: Record<string, string> = {
  'response.output_text.delta': 'message',
  'response.refusal.delta': 'message',
  'response.reasoning_summary_text.delta': 'reasoning',
  'response.reasoning_text.delta': 'reasoning',
  'response.function_call_arguments.delta': 'function_call',
  'response.custom_tool_call_input.delta': 'custom_tool_call',
};

/** Where each delta/done event's text goes: a part of the item's `content`/`summary`, or a field of the item. */
const TEXT_FIELDS: Record<string, { list?: 'content' | 'summary'; partType?: string; key: string; index?: string }> = {
  'response.output_text': { list: 'content', partType: 'output_text', key: 'text', index: 'content_index' },
  'response.refusal': { list: 'content', partType: 'refusal', key: 'refusal', index: 'content_index' },
  'response.reasoning_summary_text': { list: 'summary', partType: 'summary_text', key: 'text', index: 'summary_index' },
  'response.reasoning_text': { list: 'content', partType: 'reasoning_text', key: 'text', index: 'content_index' },
  'response.function_call_arguments': { key: 'arguments' },
  'response.custom_tool_call_input': { key: 'input' },
};

/**
 * Rebuilds a Responses stream's `output` items from its events, the way the JSON body holds
 * them, so one function reads both. Items are keyed by `item_id` when the event has one and by
 * `output_index` otherwise; parts by `content_index` / `summary_index` within their item, so two
 * reasoning items never interleave. `output_item.done` carries the finished item and replaces
 * what the deltas built, except for fields it leaves empty.
 */
export class ResponsesItemAccumulator {
  private readonly items = new Map<number, Item>();
  private readonly indexOfId = new Map<string, number>();
  /** The error of an `error` event, if any. */
  error: LlmError | undefined;

  push(type: string, data: Record<string, unknown>): void {
    if (type === 'response.output_item.added' || type === 'response.output_item.done') {
      const item = asRecord(data.item) ?? {};
      const index = this.indexFor(data, asString(item.id));
      const known = this.items.get(index);
      this.items.set(index, known && type === 'response.output_item.done' ? mergeDone(known, item) : known ? { ...item, ...known } : { ...item });
      return;
    }
    if (type === 'error' || type === 'response.error') {
      const error = asRecord(data.error) ?? data;
      const code = asString(error.code) ?? asString(error.type);
      this.error = { message: asString(error.message) ?? JSON.stringify(error), type: code === 'error' ? undefined : code, code: asString(error.code) };
      return;
    }
    const implied = DELTA_ITEM[type] ?? DELTA_ITEM[type.replace(/\.done$/, '.delta')];
    if (!implied) return;
    const item = this.item(data, implied);
    const done = type.endsWith('.done');
    const field = TEXT_FIELDS[type.replace(/\.(delta|done)$/, '')];
    if (!field) return;
    const { list, partType, key, index } = field;
    // A `.done` event carries the whole value under the field's own name; a `.delta` a piece of it.
    const text = done ? asString(data[key]) : asString(data.delta);
    if (!list) {
      if (text !== undefined) item[key] = done ? text : (asString(item[key]) ?? '') + text;
      return;
    }
    appendPart(item, list, asNumber(data[index ?? '']) ?? 0, partType ?? '', key, text, done);
  }

  /** The items in `output` order. */
  output(): Item[] {
    return [...this.items.entries()].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  }

  private indexFor(data: Record<string, unknown>, id: string | undefined): number {
    const known = id !== undefined ? this.indexOfId.get(id) : undefined;
    const index = known ?? asNumber(data.output_index) ?? this.items.size;
    if (id !== undefined) this.indexOfId.set(id, index);
    return index;
  }

  private item(data: Record<string, unknown>, type: string): Item {
    const index = this.indexFor(data, asString(data.item_id));
    let item = this.items.get(index);
    if (!item) {
      item = { type, id: asString(data.item_id) };
      this.items.set(index, item);
    }
    return item;
  }
}

function appendPart(item: Item, list: 'content' | 'summary', index: number, type: string, key: string, text: string | undefined, replace: boolean): void {
  const parts = Array.isArray(item[list]) ? (item[list] as Item[]) : [];
  item[list] = parts;
  const part = (parts[index] ??= { type });
  if (text === undefined) return;
  part[key] = replace ? text : (asString(part[key]) ?? '') + text;
}

/** The finished item wins, but an empty field in it does not erase what was streamed. */
function mergeDone(streamed: Item, done: Item): Item {
  const merged: Item = { ...streamed, ...done };
  for (const key of ['content', 'summary', 'arguments', 'input'] as const) {
    const value = done[key];
    const empty = value === undefined || value === '' || (Array.isArray(value) && asArray(value).length === 0);
    if (empty && streamed[key] !== undefined) merged[key] = streamed[key];
  }
  return merged;
}
