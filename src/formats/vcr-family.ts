import { fromBase64, makeBody, type StoredBody } from '../model/body.js';
import { CassetteInputError } from '../model/errors.js';
import { headersFrom } from '../model/headers.js';
import type { DocPath, Interaction, LoadWarning } from '../model/types.js';
import type { SourceDocument } from '../source/document.js';
import { isRecord, isoTime, standardFieldPaths, statusTextOf } from './shared.js';

// VCR.py, Ruby VCR, Betamax and rOpenSci vcr all descend from Ruby VCR's layout: a request with
// `method`/`uri`/`headers`/`body`, a response with `status`/`headers`/`body`. They differ in how a
// body and a status are spelled; this file reads every spelling so each adapter stays a few lines.

/** `body` as recorders spell it: a string, `!!binary`, `{string}`, `{base64_string}`, `{file}`. */
export function vcrBody(body: unknown, parsed?: unknown): StoredBody {
  if (parsed !== undefined) return { storage: 'parsed', parsed };
  if (body instanceof Uint8Array) return { storage: 'binary-tag', bytes: body };
  if (typeof body === 'string') return body === '' ? { storage: 'empty', text: '' } : { storage: 'text', text: body };
  if (isRecord(body)) {
    if (typeof body.base64_string === 'string') return { storage: 'base64', bytes: fromBase64(body.base64_string) };
    if (body.string instanceof Uint8Array) return { storage: 'binary-tag', bytes: body.string };
    if (typeof body.string === 'string') {
      if (bodyFile(body) !== undefined) return { storage: 'file', text: '' };
      return body.string === '' ? { storage: 'empty', text: '' } : { storage: 'text', text: body.string };
    }
  }
  return { storage: 'empty', text: '' };
}

/** r-vcr v1 writes `file: yes` with `string` holding the path of a body kept beside the cassette. */
export function bodyFile(body: unknown): string | undefined {
  if (!isRecord(body) || (body.file !== true && body.file !== 'yes') || typeof body.string !== 'string') return undefined;
  return body.string;
}

/** `status` as recorders spell it: `{code, message}`, `{status_code, reason}` (r-vcr v1), or a number. */
export function vcrStatus(status: unknown, fallbackCode?: unknown): { status: number; statusText: string } {
  let code: number = Number.NaN;
  let text: unknown;
  if (typeof status === 'number') code = status;
  else if (typeof status === 'string') code = Number.parseInt(status, 10);
  else if (isRecord(status)) {
    code = Number(status.code ?? status.status_code);
    text = status.message !== undefined && typeof status.reason === 'string' ? status.reason : (status.message ?? status.reason);
  }
  if (!Number.isFinite(code) && fallbackCode !== undefined) code = Number(fallbackCode);
  if (!Number.isFinite(code)) return { status: 0, statusText: '' };
  return { status: code, statusText: statusTextOf(code, text) };
}

export interface VcrLocation {
  /** Path of the interaction (or, for split files, of the request). */
  request: DocPath;
  /** Path of the response object. */
  response: DocPath;
  /** Path of the interaction itself, for ids and recorded_at. */
  interaction: DocPath;
}

/**
 * One interaction in the VCR layout. `item` holds `recorded_at`; `req`/`res` hold the request and
 * response (the same object's `request`/`response` keys, or the two lists of a split file).
 */
export function vcrInteraction(
  index: number,
  item: Record<string, unknown>,
  req: unknown,
  res: unknown,
  where: VcrLocation,
  doc: SourceDocument,
  warnings: LoadWarning[],
): Interaction {
  if (!isRecord(req)) throw new CassetteInputError('interaction has no request', { interaction: index, position: doc.locate(where.interaction) });
  const requestHeaders = headersFrom(req.headers);
  const url = typeof req.uri === 'string' ? req.uri : typeof req.url === 'string' ? req.url : '';
  if (url === '') warnings.push({ message: 'request has no uri', interaction: index, path: where.request });
  const bodyKey = 'parsed_body' in req ? 'parsed_body' : 'body';
  const interaction: Interaction = {
    index,
    request: {
      method: typeof req.method === 'string' ? req.method.toUpperCase() : undefined,
      url,
      headers: requestHeaders,
      body: makeBody(vcrBody(req.body, req.parsed_body), requestHeaders),
    },
    response: undefined,
    recordedAt: vcrTime(item.recorded_at),
    docPath: where.interaction,
    fieldPaths: standardFieldPaths(where.request, {
      request: [],
      'request.method': ['method'],
      'request.url': ['uri' in req ? 'uri' : 'url'],
      'request.headers': ['headers'],
      'request.body': [bodyKey],
    }),
  };
  if (isRecord(res)) {
    const headers = headersFrom(res.headers);
    const resBodyKey = 'parsed_body' in res ? 'parsed_body' : 'body';
    const status = vcrStatus(res.status, res.status_code);
    if (status.status === 0) warnings.push({ message: 'response has no status code', interaction: index, path: [...where.response, 'status'] });
    // No spread here nor Object.assign below: without TurboFan, each cost more than the rest of this
    // function (~7% of reading the 10 MiB VCR.py bench file's interactions).
    interaction.response = {
      status: status.status,
      statusText: status.statusText,
      headers,
      body: makeBody(vcrBody(res.body, res.parsed_body), headers),
    };
    const file = bodyFile(res.body);
    if (file !== undefined) {
      interaction.extra = { responseBodyFile: file };
      warnings.push({ message: `response body is kept in a separate file (${file}), not in the cassette`, interaction: index, path: [...where.response, 'body'] });
    }
    standardFieldPaths(
      where.response,
      {
        response: [],
        'response.status': ['status'],
        'response.headers': ['headers'],
        'response.body': [resBodyKey],
      },
      interaction.fieldPaths,
    );
  }
  return interaction;
}

/** The `http_interactions` list shared by Ruby VCR, Betamax and r-vcr. */
export function httpInteractions(doc: SourceDocument, warnings: LoadWarning[]): Interaction[] {
  const list = isRecord(doc.data) ? doc.data.http_interactions : undefined;
  if (!Array.isArray(list)) throw new CassetteInputError('`http_interactions` is not a list', { position: doc.locate(['http_interactions']) });
  return list.map((item, index) => httpInteraction(item, index, doc, warnings));
}

/** One item of `http_interactions`: what a list reader of the family maps. */
export function httpInteraction(item: unknown, index: number, doc: SourceDocument, warnings: LoadWarning[]): Interaction {
  const base: DocPath = ['http_interactions', index];
  if (!isRecord(item)) throw new CassetteInputError('interaction is not a mapping', { interaction: index, position: doc.locate(base) });
  if (item.response === undefined) warnings.push({ message: 'no response recorded', interaction: index, path: base });
  return vcrInteraction(index, item, item.request, item.response, { interaction: base, request: [...base, 'request'], response: [...base, 'response'] }, doc, warnings);
}

/**
 * `recorded_at` as an ISO string. r-vcr v2 writes local time without a zone (`2026-04-15 13:52:22`);
 * we read such times as UTC so the result does not depend on the machine that reads the file.
 */
export function vcrTime(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value.trim())) {
    return isoTime(`${value.trim().replace(' ', 'T')}Z`);
  }
  return isoTime(value);
}

/** `recorded_with` of a document, when it is a string. */
export function recordedWith(doc: SourceDocument): string | undefined {
  const d = doc.data;
  return isRecord(d) && typeof d.recorded_with === 'string' ? d.recorded_with : undefined;
}
