import type { ScalarSpan } from './simple-yaml.js';

export type { ScalarSpan } from './simple-yaml.js';

// The last item recorded: items are parsed one at a time and each is linted before the next is
// parsed, so one entry hits as often as a WeakMap of every item did, without its hashing or the
// GC's ephemeron work (~38 M instructions and ~2 MB of peak RSS on a 10 MiB VCR.py file). An item
// asked for after another was recorded gets undefined: secret-text then searches all its text.
let last: { item: object; text: string; spans: readonly ScalarSpan[] } | undefined;

/** Remembers where a list item's long scalars sit in `text`, the item text `item` was parsed from. */
export function recordScalarSpans(item: unknown, text: string, spans: readonly ScalarSpan[]): void {
  if (spans.length > 0 && typeof item === 'object' && item !== null) last = { item, text, spans };
}

/**
 * The long scalars (see ScalarSpan) of `item` as they sit in `text`, ascending; undefined unless
 * `item` was the last item the simple YAML reader read with long scalars, from that same text.
 */
export function scalarSpans(item: unknown, text: string): readonly ScalarSpan[] | undefined {
  return last && last.item === item && last.text === text ? last.spans : undefined;
}
