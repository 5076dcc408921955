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
const HEADER_LINE = /^[ \t]*([A-Za-z][\w-]*)[ \t]*:[ \t]*$/;
const NL = 0x0a;
const QUOTE = 0x22;

// Ids and numbers are ASCII, so the texts are compared as UTF-8 bytes: no decoding of whole files.
const isIdByte = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
const isDigit = (c: number) => c >= 48 && c <= 57;
const at = (bytes: Buffer, i: number) => (i >= 0 && i < bytes.length ? bytes[i]! : -1);

function runEnd(bytes: Buffer, i: number, ok: (c: number) => boolean): number {
  while (i < bytes.length && ok(bytes[i]!)) i++;
  return i;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isKeyByte = (c: number) => (c >= 97 && c <= 122) || c === 95;

/**
 * The JSON key whose value starts at `start` (after its opening quote when `quoted`), if it is one
 * of ours: `"key"`, spaces, `:`, spaces, with no backslash or word character before the key's quote.
 */
function jsonKeyBefore(bytes: Buffer, start: number, quoted: boolean): string | undefined {
  let k = quoted ? start - 2 : start - 1;
  if (quoted && at(bytes, start - 1) !== QUOTE) return undefined;
  while (isSpace(at(bytes, k))) k--;
  if (at(bytes, k) !== 0x3a) return undefined;
  k--;
  while (isSpace(at(bytes, k))) k--;
  if (at(bytes, k) !== QUOTE) return undefined;
  const end = k;
  k--;
  while (end - k <= 20 && isKeyByte(at(bytes, k))) k--;
  const before = at(bytes, k - 1);
  if (at(bytes, k) !== QUOTE || before === 0x5c || isIdByte(before) || end - k < 2) return undefined;
  const key = bytes.toString('latin1', k + 1, end);
  return JSON_KEYS.has(key) && (key === 'created') === !quoted ? key : undefined;
}

const lineStart = (bytes: Buffer, i: number) => bytes.lastIndexOf(NL, i - 1) + 1;
const lineEnd = (bytes: Buffer, i: number) => {
  const end = bytes.indexOf(NL, i);
  return end < 0 ? bytes.length : end;
};

/** The header named on the line before the `- ` item line that starts at `line`, if that is the layout. */
function headerAbove(bytes: Buffer, line: number): string | undefined {
  if (line < 2) return undefined;
  return HEADER_LINE.exec(bytes.toString('latin1', lineStart(bytes, line - 1), line - 1))?.[1];
}

/** The volatile field of `a` and `b` that holds their first difference, found at `i` and `j` after an equal prefix. */
function fieldAt(a: Buffer, i: number, b: Buffer, j: number): { change: VolatileChange; endA: number; endB: number } | undefined {
  for (let pass = 0; pass < 2; pass++) {
    const quoted = pass === 0;
    const ok = quoted ? isIdByte : isDigit;
    let back = 0;
    while (back < i && back < 200 && ok(a[i - back - 1]!)) back++;
    const key = jsonKeyBefore(a, i - back, quoted);
    if (key === undefined) continue;
    const [endA, endB] = [runEnd(a, i, ok), runEnd(b, j, ok)];
    const [la, lb] = [endA - (i - back), endB - (j - back)];
    const closed = quoted ? at(a, endA) === QUOTE && at(b, endB) === QUOTE : !/[.eE+-]/.test(String.fromCharCode(at(a, endA), at(b, endB)));
    if (!closed || la < 1 || lb < 1 || Math.max(la, lb) > (quoted ? 200 : 15)) return undefined;
    const change: VolatileChange = { kind: JSON_ID_KEYS.has(key) ? 'json-id' : 'json-noise', key, before: a.toString('latin1', i - back, endA), after: b.toString('latin1', j - back, endB) };
    return { change, endA, endB };
  }
  // A header value: the rest of a `- value` line under a `Name:` line.
  const line = lineStart(a, i);
  const item = /^[ \t]*- /.exec(a.toString('latin1', line, Math.min(i, line + 200)))?.[0];
  if (!item || line + item.length > i) return undefined;
  const name = headerAbove(a, line);
  if (!name || !REWRITTEN_HEADERS.test(name) || !VOLATILE_HEADERS.test(name)) return undefined;
  const start = line + item.length;
  const [endA, endB] = [lineEnd(a, i), lineEnd(b, j)];
  const [va, vb] = [a.toString('utf8', start, endA), b.toString('utf8', j - (i - start), endB)];
  if (!PLAIN.test(va) || !PLAIN.test(vb)) return undefined;
  return { change: { kind: 'header', key: name, before: va, after: vb }, endA, endB };
}

/** Byte by byte up to `limit`: the usual run between two changed fields is short. */
function shortRun(a: Buffer, i: number, b: Buffer, j: number, limit: number): number {
  let n = 0;
  while (n < limit && a[i + n] === b[j + n]) n++;
  return n;
}

const SHORT = 32;

/**
 * How many bytes from `i` in `a` and `j` in `b` are equal. After a short run compared byte by
 * byte, blocks compared natively double in size until one differs, which is then halved down to
 * the byte: a few calls for a run of any length (a call per 256 bytes cost more than the compare).
 */
export function equalRun(a: Buffer, i: number, b: Buffer, j: number): number {
  const max = Math.min(a.length - i, b.length - j);
  let n = shortRun(a, i, b, j, Math.min(SHORT, max));
  if (n < SHORT) return n;
  let block = SHORT;
  const same = (from: number, length: number) => a.compare(b, j + from, j + from + length, i + from, i + from + length) === 0;
  for (;;) {
    let length = Math.min(block, max - n);
    if (length === 0) return n;
    if (same(n, length)) {
      n += length;
      block = Math.min(block * 2, 1 << 20);
      continue;
    }
    // The first difference is in [n, n + length).
    while (length > SHORT) {
      const half = length >> 1;
      if (same(n, half)) {
        n += half;
        length -= half;
      } else length = half;
    }
    return n + shortRun(a, i + n, b, j + n, length);
  }
}

/**
 * The volatile fields that changed when two texts (UTF-8) differ only in them and every generated
 * id was renamed one to one (each old id became one new id, and no two the same): what the full
 * comparison calls noise. Undefined when anything else differs.
 */
export function onlyVolatileChanged(before: Uint8Array, after: Uint8Array): VolatileChange[] | undefined {
  const [a, b] = [asBuffer(before), asBuffer(after)];
  const changes: VolatileChange[] = [];
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  let i = 0;
  let j = 0;
  for (;;) {
    const n = equalRun(a, i, b, j);
    i += n;
    j += n;
    if (i === a.length && j === b.length) return changes;
    const found = fieldAt(a, i, b, j);
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

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * How often a changed field's old value stands in `text` (UTF-8) in the same place, under the
 * same key or header, so a caller can check each is a field it knows (in a JSON body, in a header list).
 */
export function occurrences(text: Uint8Array, change: Pick<VolatileChange, 'kind' | 'key' | 'before'>): number {
  const bytes = asBuffer(text);
  let n = 0;
  const quoted = change.kind !== 'header' && change.key !== 'created';
  const needle = Buffer.from(quoted ? `"${change.before}"` : change.before, 'utf8');
  for (let found = bytes.indexOf(needle); found >= 0; found = bytes.indexOf(needle, found + 1)) {
    const [start, end] = quoted ? [found + 1, found + needle.length - 1] : [found, found + needle.length];
    if (change.kind === 'header') {
      const line = lineStart(bytes, start);
      const item = /^[ \t]*- $/.test(bytes.toString('latin1', line, start));
      if (item && headerAbove(bytes, line)?.toLowerCase() === change.key.toLowerCase() && lineEnd(bytes, end) === end) n++;
    } else if (jsonKeyBefore(bytes, start, quoted) === change.key && (quoted || !/[\d.eE+-]/.test(String.fromCharCode(at(bytes, end))))) n++;
  }
  return n;
}
