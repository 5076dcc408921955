import { stringifyDeep } from '../limits/depth.js';
import { isoString } from '../text/iso-string.js';
import type { Header } from './types.js';

/** First value of a header, case-insensitively. */
export function getHeader(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  // Asked for several times per interaction by every command: only a name of the right length is
  // lower-cased, and the loop is indexed (a for...of makes an iterator per call without TurboFan).
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (h.name.length === lower.length && h.name.toLowerCase() === lower) return h.value;
  }
  return undefined;
}

/** Every value of a header, case-insensitively, in recorded order. */
export function getHeaders(headers: readonly Header[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}

/**
 * Headers from the shapes recorders use: `{Name: [v1, v2]}` (go-vcr, VCR.py, Ruby VCR),
 * `{Name: v}` (r-vcr v2, nock objects), `[{name, value}]` (HAR), or a flat `[n1, v1, n2, v2]` (nock rawHeaders).
 */
export function headersFrom(raw: unknown): Header[] {
  if (raw == null) return [];
  if (Array.isArray(raw)) {
    if (raw.every((x) => typeof x === 'string' || typeof x === 'number')) {
      const out: Header[] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: String(raw[i]), value: String(raw[i + 1]) });
      return out;
    }
    return raw
      .filter((x): x is { name: unknown; value: unknown } => typeof x === 'object' && x !== null && 'name' in x)
      .map((x) => ({ name: String(x.name), value: scalarText(x.value) }));
  }
  if (typeof raw === 'object') {
    const out: Header[] = [];
    // Keys and values by index, not Object.entries' pairs: twice per interaction of most formats.
    const record = raw as Record<string, unknown>;
    const names = Object.keys(record);
    for (let n = 0; n < names.length; n++) {
      const name = names[n]!;
      const value = record[name];
      if (Array.isArray(value)) for (let v = 0; v < value.length; v++) out.push({ name, value: scalarText(value[v]) });
      else out.push({ name, value: scalarText(value) });
    }
    return out;
  }
  return [];
}

function scalarText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return isoString(value);
  // VCR.py stores non-ASCII-safe header values as `!!binary`.
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (typeof value === 'object') {
    // A hand-made or hostile value thousands of levels deep overflows JSON.stringify's stack.
    try {
      return JSON.stringify(value);
    } catch {
      return stringifyDeep(value);
    }
  }
  return String(value);
}

/** The media type without parameters, lower-cased: `application/json`. */
export function mediaType(headers: readonly Header[]): string | undefined {
  const ct = getHeader(headers, 'content-type');
  if (ct === undefined) return undefined;
  // What ct.split(';')[0] is, without an array of every part (asked for several times per interaction).
  const semi = ct.indexOf(';');
  return (semi === -1 ? ct : ct.slice(0, semi)).trim().toLowerCase() || undefined;
}
