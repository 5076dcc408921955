import type { ScalarSpan } from './simple-yaml.js';

export type { ScalarSpan } from './simple-yaml.js';

// Keyed by the item's parsed value: an entry lives as long as the item read from that text.
const byItem = new WeakMap<object, { text: string; spans: readonly ScalarSpan[] }>();

/** Remembers where a list item's long scalars sit in `text`, the item text `item` was parsed from. */
export function recordScalarSpans(item: unknown, text: string, spans: readonly ScalarSpan[]): void {
  if (spans.length > 0 && typeof item === 'object' && item !== null) byItem.set(item, { text, spans });
}

/**
 * The long scalars (see ScalarSpan) of `item` as they sit in `text`, ascending; undefined unless
 * `item` was read by the simple YAML reader from that same text.
 */
export function scalarSpans(item: unknown, text: string): readonly ScalarSpan[] | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const entry = byItem.get(item);
  return entry && entry.text === text ? entry.spans : undefined;
}
