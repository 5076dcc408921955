import { parseSse, looksLikeSse } from '../llm/sse.js';
import { tryJson } from '../llm/json.js';
import type { Body } from '../model/types.js';
import { formatBytes, prettyJson, shorten } from './format.js';
import { clipText } from '../secrets/clip.js';

export interface RawBodyOptions {
  full: boolean;
  /** Show SSE events one by one and a hex preview of binary bodies. */
  raw: boolean;
}

/** A readable preview of a body: pretty JSON, SSE events, text, or a binary summary. Never raw binary. */
export function renderRawBody(body: Body, contentType: string, options: RawBodyOptions): string {
  if (body.binary || body.text === undefined) {
    const summary = `<binary ${contentType || 'data'}, ${formatBytes(body.size)}>`;
    return options.raw ? `${summary}\n${hexPreview(body.bytes, options.full ? 4096 : 256)}` : summary;
  }
  if (body.isJson) return shorten(prettyJson(body.json), options.full, 2000, 40).text;
  if (looksLikeSse(body.text, contentType)) {
    const stream = parseSse(body.text);
    const events = stream.events.map((e, n) => {
      const parsed = tryJson(e.data);
      const data = parsed.ok ? JSON.stringify(parsed.value) : e.data;
      return `[${n}]${e.event ? ` ${e.event}` : ''} ${data}`;
    });
    if (stream.done) events.push(`[${stream.events.length}] [DONE]`);
    if (options.raw) return options.full ? events.join('\n') : events.map((e) => (e.length > 240 ? `${clipText(e, 239)}…` : e)).join('\n');
    return shorten(events.join('\n'), options.full, 1200, 12).text;
  }
  return shorten(body.text, options.full, 2000, 40).text;
}

/** `0000  1f 8b 08 ...  |....|` lines, like hexdump -C. */
export function hexPreview(bytes: Uint8Array, limit: number): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, limit);
  for (let off = 0; off < end; off += 16) {
    const row = bytes.subarray(off, Math.min(off + 16, end));
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes`);
  return lines.join('\n');
}
