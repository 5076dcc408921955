import { makeBody } from '../model/body.js';
import { CassetteInputError } from '../model/errors.js';
import type { Header, Interaction } from '../model/types.js';
import { statusTextOf } from './shared.js';
import type { FormatAdapter } from './types.js';
import { maskSecretsInRawText } from '../secrets/mask-raw.js';

const MAGIC = 'httprr trace v1\n';

/** Go's httprr traces (golang.org/x/oscar, langchaingo): raw HTTP/1.1 request and response bytes. */
export const httprr: FormatAdapter = {
  id: 'httprr',
  description: 'httprr traces: `httprr trace v1`, then `reqlen resplen` records of raw HTTP bytes (also .httprr.gz)',
  detect: (doc) => doc.kind === 'text' && doc.text.startsWith('httprr trace v1'),
  parse(doc) {
    const bytes = doc.bytes ?? Buffer.from(doc.text, 'utf8');
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new CassetteInputError('missing `httprr trace v1` header line', { position: { line: 1, column: 1 } });
    const interactions: Interaction[] = [];
    const lines: number[] = [];
    let offset = MAGIC.length;
    let line = 2;
    while (offset < buf.length) {
      const eol = buf.indexOf(0x0a, offset);
      const header = buf.toString('latin1', offset, eol < 0 ? buf.length : eol);
      const m = /^(\d+) (\d+)$/.exec(header);
      const index = interactions.length;
      if (!m || eol < 0) throw new CassetteInputError(`bad record header ${JSON.stringify(maskSecretsInRawText(header.slice(0, 600)).slice(0, 40))} (expected "reqlen resplen")`, { interaction: index, position: { line, column: 1 } });
      const reqLen = Number(m[1]);
      const resLen = Number(m[2]);
      const start = eol + 1;
      if (start + reqLen + resLen > buf.length) {
        throw new CassetteInputError(`record is truncated: needs ${reqLen + resLen} bytes, ${buf.length - start} left`, { interaction: index, position: { line, column: 1 } });
      }
      const req = buf.subarray(start, start + reqLen);
      const res = buf.subarray(start + reqLen, start + reqLen + resLen);
      interactions.push(toInteraction(index, req, res, line));
      lines.push(line);
      line += 1 + countLines(buf, start, start + reqLen + resLen);
      offset = start + reqLen + resLen;
    }
    // A record's position is its `reqlen resplen` line; fields inside raw HTTP bytes have none of their own.
    const locate = (path: readonly (string | number)[]) => (typeof path[0] === 'number' && lines[path[0]] !== undefined ? { line: lines[path[0]]!, column: 1 } : undefined);
    return { format: 'httprr', version: 1, interactions, warnings: [], locate };
  },
};

function countLines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a, from); i >= 0 && i < to; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

interface RawMessage {
  startLine: string;
  headers: Header[];
  body: Buffer;
}

/** Split raw HTTP/1.x bytes into start line, headers and body (de-chunked). */
function parseMessage(raw: Buffer): RawMessage {
  let end = raw.indexOf('\r\n\r\n');
  let sep = 4;
  const lf = raw.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    sep = 2;
  }
  const head = raw.toString('utf8', 0, end < 0 ? raw.length : end).split(/\r?\n/);
  const startLine = head.shift() ?? '';
  const headers: Header[] = [];
  for (const h of head) {
    const colon = h.indexOf(':');
    if (colon > 0) headers.push({ name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim() });
  }
  let body = end < 0 ? Buffer.alloc(0) : raw.subarray(end + sep);
  if (headers.some((h) => h.name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(h.value))) body = dechunk(body);
  return { startLine, headers, body };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const eol = body.indexOf('\r\n', offset);
    if (eol < 0) break;
    const size = Number.parseInt(body.toString('latin1', offset, eol), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    offset = eol + 2 + size + 2;
  }
  return parts.length > 0 ? Buffer.concat(parts) : body;
}

function toInteraction(index: number, reqRaw: Buffer, resRaw: Buffer, line: number): Interaction {
  const req = parseMessage(reqRaw);
  // A request line always starts with its method: one that does not is a broken trace, not a GET.
  const [method = '', target = '/'] = req.startLine.split(' ');
  if (!/^[A-Z]+$/.test(method)) throw new CassetteInputError(`bad request line ${JSON.stringify(maskSecretsInRawText(req.startLine.slice(0, 600)).slice(0, 60))}`, { interaction: index, position: { line: line + 1, column: 1 } });
  const host = req.headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? '';
  const url = /^https?:\/\//.test(target) ? target : `https://${host}${target}`;
  const interaction: Interaction = {
    index,
    request: { method, url, headers: req.headers, body: makeBody(req.body.length > 0 ? { storage: 'text', bytes: req.body } : { storage: 'empty', text: '' }, req.headers) },
    response: undefined,
    docPath: [index],
    fieldPaths: { request: [index], 'request.body': [index], response: [index], 'response.body': [index], 'response.status': [index], 'request.url': [index], 'request.method': [index], 'request.headers': [index], 'response.headers': [index] },
  };
  if (resRaw.length > 0) {
    const res = parseMessage(resRaw);
    const m = /^HTTP\/[\d.]+ (\d{3})\s*(.*)$/.exec(res.startLine);
    const status = m ? Number(m[1]) : 0;
    interaction.response = {
      status,
      statusText: statusTextOf(status, m?.[2]),
      headers: res.headers,
      body: makeBody(res.body.length > 0 ? { storage: 'text', bytes: res.body } : { storage: 'empty', text: '' }, res.headers),
    };
  }
  return interaction;
}
