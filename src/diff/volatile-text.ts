import { VOLATILE_HEADERS } from './headers-diff.js';

/**
 * A field a re-record rewrites in a cassette's text without changing its meaning: a generated
 * id in a JSON body (`"id"`, `"tool_call_id"`, `"tool_use_id"`, `"call_id"`), `"system_fingerprint"`
 * or `"created"`, or the one-line value of a volatile header in a YAML header list (`Date:` / `- Mon, …`).
 */
export interface VolatileChange {
  kind: 'json-id' | 'json-noise' | 'header';
  /** The JSON key or the header name, as written. */
  key: string;
  before: string;
  after: string;
}

export const JSON_ID_KEYS = new Set(['id', 'tool_call_id', 'tool_use_id', 'call_id']);
const JSON_KEYS = new Set([...JSON_ID_KEYS, 'system_fingerprint', 'created']);
// Headers nothing reads but the diff (which ignores them) and the price date (see diffRewritten).
export const REWRITTEN_HEADERS = /^(date|x-request-id|request-id|x-amzn-requestid|x-amz-request-id|cf-ray|openai-processing-ms|x-envoy-upstream-service-time|user-agent|x-stainless-[a-z-]+|x-ratelimit-[a-z-]+|anthropic-ratelimit-[a-z-]+|server-timing)$/i;
// A plain YAML scalar on one line that cannot start or end a structure: no quotes, indicators, `: ` or ` #`.
const PLAIN = /^(?![-?:,[\]{}#&*!|>'"%@`\s])(?!.*(?:: |:$|\s#|\t))[^\n]{1,500}$/;
const KEY_BEFORE = /(?<![\\\w])"([a-z_]+)"\s*:\s*$/;
const HEADER_LINE = /^[ \t]*([A-Za-z][\w-]*)[ \t]*:[ \t]*$/;

const isIdChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
const isDigit = (c: number) => c >= 48 && c <= 57;

function runEnd(text: string, at: number, ok: (c: number) => boolean): number {
  while (at < text.length && ok(text.charCodeAt(at))) at++;
  return at;
}

/** The JSON key whose value starts at `start` (after its opening quote when `quoted`), if it is one of ours. */
function jsonKeyBefore(text: string, start: number, quoted: boolean): string | undefined {
  if (quoted && text.charCodeAt(start - 1) !== 34) return undefined;
  const key = KEY_BEFORE.exec(text.slice(Math.max(0, start - (quoted ? 41 : 40)), quoted ? start - 1 : start))?.[1];
  return key !== undefined && JSON_KEYS.has(key) && (key === 'created') === !quoted ? key : undefined;
}

/** The volatile field of `a` and `b` that holds their first difference, found at `i` and `j` after an equal prefix. */
function fieldAt(a: string, i: number, b: string, j: number): { change: VolatileChange; endA: number; endB: number } | undefined {
  for (const quoted of [true, false]) {
    const ok = quoted ? isIdChar : isDigit;
    let back = 0;
    while (back < i && back < 200 && ok(a.charCodeAt(i - back - 1))) back++;
    const key = jsonKeyBefore(a, i - back, quoted);
    if (key === undefined) continue;
    const [endA, endB] = [runEnd(a, i, ok), runEnd(b, j, ok)];
    const [va, vb] = [a.slice(i - back, endA), b.slice(j - back, endB)];
    const closed = quoted ? a.charCodeAt(endA) === 34 && b.charCodeAt(endB) === 34 : !/^[.eE+-]/.test(a.slice(endA, endA + 1) + b.slice(endB, endB + 1));
    if (!closed || va.length < 1 || vb.length < 1 || va.length > (quoted ? 200 : 15) || vb.length > (quoted ? 200 : 15)) return undefined;
    return { change: { kind: JSON_ID_KEYS.has(key) ? 'json-id' : 'json-noise', key, before: va, after: vb }, endA, endB };
  }
  // A header value: the rest of a `- value` line under a `Name:` line.
  const lineA = a.lastIndexOf('\n', i - 1) + 1;
  const item = /^[ \t]*- /.exec(a.slice(lineA, Math.min(i, lineA + 200)))?.[0];
  if (!item || lineA + item.length > i) return undefined;
  const name = HEADER_LINE.exec(a.slice(a.lastIndexOf('\n', lineA - 2) + 1, lineA - 1))?.[1];
  if (!name || !REWRITTEN_HEADERS.test(name) || !VOLATILE_HEADERS.test(name)) return undefined;
  const start = lineA + item.length;
  const [endA, endB] = [lineEnd(a, i), lineEnd(b, j)];
  const [va, vb] = [a.slice(start, endA), b.slice(j - (i - start), endB)];
  if (!PLAIN.test(va) || !PLAIN.test(vb)) return undefined;
  return { change: { kind: 'header', key: name, before: va, after: vb }, endA, endB };
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

/**
 * The volatile fields that changed when two texts differ only in them and every generated id was
 * renamed one to one (each old id became one new id, and no two the same): what the full
 * comparison calls noise. Undefined when anything else differs. Walks both texts once.
 */
export function onlyVolatileChanged(before: string, after: string): VolatileChange[] | undefined {
  const changes: VolatileChange[] = [];
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < before.length && j < after.length && before.charCodeAt(i) === after.charCodeAt(j)) {
      i++;
      j++;
    }
    if (i === before.length && j === after.length) return changes;
    const found = fieldAt(before, i, after, j);
    if (!found) return undefined;
    const { change } = found;
    if (change.kind === 'json-id') {
      if ((forward.get(change.before) ?? change.after) !== change.after || (backward.get(change.after) ?? change.before) !== change.before) return undefined;
      forward.set(change.before, change.after);
      backward.set(change.after, change.before);
    }
    changes.push(change);
    i = found.endA;
    j = found.endB;
  }
}

/**
 * How often a changed field's old value stands in `text` in the same place (under the same key or
 * header), so a caller can check each one is a field it knows (in a JSON body, in a header list).
 */
export function occurrences(text: string, change: VolatileChange): number {
  let n = 0;
  const quoted = change.kind !== 'header' && change.key !== 'created';
  const needle = quoted ? `"${change.before}"` : change.before;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const [start, end] = quoted ? [at + 1, at + needle.length - 1] : [at, at + needle.length];
    if (change.kind === 'header') {
      const line = text.lastIndexOf('\n', start - 1) + 1;
      const item = /^[ \t]*- $/.test(text.slice(line, start));
      const name = HEADER_LINE.exec(text.slice(text.lastIndexOf('\n', line - 2) + 1, Math.max(0, line - 1)))?.[1];
      if (item && name?.toLowerCase() === change.key.toLowerCase() && lineEnd(text, end) === end) n++;
    } else if (jsonKeyBefore(text, start, quoted) === change.key && (quoted || !/[\d.eE+-]/.test(text.charAt(end)))) n++;
  }
  return n;
}
