import { createHash } from 'node:crypto';
import { getHeader } from '../model/headers.js';
import type { Body, Header } from '../model/types.js';
import { multipartBoundary, normalizeMultipart } from './equivalence.js';
import { canonical } from './noise.js';

const FORM = /^[\w.%+*~-]+=[^&=\s]*(?:&[\w.%+*~-]+=[^&=\s]*)*$/;

/** Form fields as an object (a repeated field becomes a list), so fields compare one by one. */
function formValue(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...(prev as unknown[]), value] : [prev, value];
  }
  return out;
}

/**
 * A body as compared: canonical JSON (keys sorted, noise keys dropped), form fields as an object,
 * a multipart body with its boundary masked, text as it is, binary data as its size and digest.
 * Bodies are already decoded (gzip, base64, chunks), so re-encoded data compares equal.
 */
export function bodyValue(body: Body, headers: readonly Header[], options: { noise: boolean; response: boolean }): unknown {
  if (body.isJson) return canonical(body.json, options);
  if (body.binary) return `(${body.size} bytes of binary data, sha256 ${createHash('sha256').update(body.bytes).digest('hex').slice(0, 12)})`;
  const text = body.text ?? '';
  const type = getHeader(headers, 'content-type');
  const boundary = /multipart\//i.test(type ?? '') || text.startsWith('--') ? multipartBoundary(text, type) : undefined;
  if (boundary) return normalizeMultipart(text, boundary);
  if (/x-www-form-urlencoded/i.test(type ?? '') || (text.length < 100_000 && FORM.test(text.trim()))) return canonical(formValue(text.trim()), options);
  return text;
}
