import { fromHex, makeBody, type StoredBody } from '../model/body.js';
import { CassetteInputError } from '../model/errors.js';
import { headersFrom } from '../model/headers.js';
import type { DocPath, Interaction } from '../model/types.js';
import type { SourceDocument } from '../source/document.js';
import { isRecord, standardFieldPaths, statusTextOf } from './shared.js';
import type { FormatAdapter } from './types.js';

/** nock fixtures (`nock.back` / `nock.recorder` output): a JSON array of definitions. */
export const nock: FormatAdapter = {
  id: 'nock',
  description: 'nock fixtures: a JSON array of {scope, method, path, body, status, response, rawHeaders}',
  detect(doc) {
    if (doc.kind !== 'json' || !Array.isArray(doc.data)) return false;
    const first: unknown = doc.data[0];
    return first === undefined || (isRecord(first) && typeof first.scope === 'string' && 'method' in first);
  },
  parse(doc) {
    const list = doc.data as unknown[];
    return { format: 'nock', interactions: list.map((def, index) => nockInteraction(def, index, doc)), warnings: [] };
  },
  list: { path: [], head: () => ({ format: 'nock' }), interaction: (def, index, doc) => nockInteraction(def, index, doc) },
};

function nockInteraction(def: unknown, index: number, doc: SourceDocument): Interaction {
  const base: DocPath = [index];
  if (!isRecord(def) || typeof def.scope !== 'string') {
    throw new CassetteInputError('definition has no `scope`', { interaction: index, position: doc.locate(base) });
  }
  const requestHeaders = headersFrom(def.reqheaders);
  const headers = headersFrom(def.rawHeaders ?? def.headers);
  const status = typeof def.status === 'number' ? def.status : 200;
  return {
    index,
    request: {
      method: typeof def.method === 'string' ? def.method.toUpperCase() : undefined,
      url: nockUrl(def.scope, typeof def.path === 'string' ? def.path : '/'),
      headers: requestHeaders,
      body: makeBody(requestBody(def.body), requestHeaders),
    },
    response: { status, statusText: statusTextOf(status, undefined), headers, body: makeBody(responseBody(def.response, def.responseIsBinary === true), headers) },
    docPath: base,
    fieldPaths: standardFieldPaths(base, {
      request: [],
      'request.method': ['method'],
      'request.url': ['path'],
      'request.headers': ['reqheaders'],
      'request.body': ['body'],
      response: ['response'],
      'response.status': ['status'],
      'response.headers': ['rawHeaders'],
      'response.body': ['response'],
    }),
  };
}

/** `https://host:443` + `/path`, without the default port. */
function nockUrl(scope: string, path: string): string {
  return scope.replace(/^(https:\/\/[^/]+):443$/, '$1').replace(/^(http:\/\/[^/]+):80$/, '$1') + path;
}

function requestBody(body: unknown): StoredBody {
  if (body === undefined || body === null || body === '') return { storage: 'empty', text: '' };
  if (typeof body === 'string') return { storage: 'text', text: body };
  return { storage: 'parsed', parsed: body };
}

/** `response`: parsed JSON, a string, a hex string (`responseIsBinary`), or an array of hex chunks. */
function responseBody(response: unknown, isBinary: boolean): StoredBody {
  if (response === undefined || response === null || response === '') return { storage: 'empty', text: '' };
  if (typeof response === 'string') {
    const bytes = isBinary ? fromHex(response) : undefined;
    return bytes ? { storage: 'hex', bytes } : { storage: 'text', text: response };
  }
  if (Array.isArray(response) && response.length > 0 && response.every((c) => typeof c === 'string' && c.length > 0 && fromHex(c) !== undefined)) {
    // Recorded chunks of a (usually gzip) stream: nock keeps each as hex.
    const chunks = response as string[];
    if (isBinary || chunks.join('').startsWith('1f8b')) return { storage: 'hex', bytes: Buffer.concat(chunks.map((c) => fromHex(c)!)) };
  }
  return { storage: 'parsed', parsed: response };
}
