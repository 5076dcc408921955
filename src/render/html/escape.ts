import { sanitize } from '../../text/sanitize.js';

/**
 * Markup that is already safe. Only `html` (below) and the renderer's own constants make one, so a
 * cassette string can reach the page only through `escapeHtml`.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element or a quoted attribute: `& < > " '` become entities, control and bidi characters visible escapes. */
export function escapeHtml(text: string): string {
  return sanitize(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Slot = SafeHtml | string | number | boolean | null | undefined | readonly Slot[];

function slot(value: Slot): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  let out = '';
  for (const v of value) out += slot(v);
  return out;
}

/** Template tag: literal parts are trusted markup, every interpolated string is escaped. */
export function html(strings: TemplateStringsArray, ...values: Slot[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += slot(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` are written as `\u003c`-style
 * escapes so no `</script>` or `<!--` can end or change the block; U+2028/2029 likewise.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
