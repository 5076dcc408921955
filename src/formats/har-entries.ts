import { fromBase64, fromHex, makeBody, type StoredBody } from '../model/body.js';
import { CassetteInputError } from '../model/errors.js';
import { headersFrom } from '../model/headers.js';
import type { DocPath, Header, Interaction } from '../model/types.js';
import type { SourceDocument } from '../source/document.js';
import { formFields, isRecord, isoTime, standardFieldPaths, statusTextOf } from './shared.js';

/** The `log.entries` list of a HAR 1.2 document, or undefined when the shape is not HAR. */
export function harEntries(data: unknown): unknown[] | undefined {
  if (!isRecord(data) || !isRecord(data.log)) return undefined;
  return Array.isArray(data.log.entries) ? data.log.entries : undefined;
}

export function harCreator(data: unknown): string | undefined {
  if (!isRecord(data) || !isRecord(data.log) || !isRecord(data.log.creator)) return undefined;
  const { name, version } = data.log.creator;
  return typeof name === 'string' ? `${name}${typeof version === 'string' ? ` ${version}` : ''}` : undefined;
}

/** Map HAR entries (plain HAR and Polly's) to interactions. */
export function harInteractions(doc: SourceDocument): Interaction[] {
  const entries = harEntries(doc.data) ?? [];
  return entries.map((entry, index) => harInteraction(entry, index, doc));
}

/** One entry of `log.entries`: what the HAR and Polly list readers map. */
export function harInteraction(entry: unknown, index: number, doc: SourceDocument): Interaction {
  const base: DocPath = ['log', 'entries', index];
  if (!isRecord(entry) || !isRecord(entry.request)) {
    throw new CassetteInputError('entry has no request', { interaction: index, position: doc.locate(base) });
  }
  const req = entry.request;
  const requestHeaders = withCookies(headersFrom(req.headers).filter((h) => !h.name.startsWith(':')), req.cookies, 'request');
  const postData = isRecord(req.postData) ? req.postData : undefined;
  const interaction: Interaction = {
    index,
    id: typeof entry._id === 'string' ? entry._id : undefined,
    request: {
      method: typeof req.method === 'string' ? req.method.toUpperCase() : undefined,
      url: typeof req.url === 'string' ? req.url : '',
      headers: requestHeaders,
      body: makeBody(postDataBody(postData), requestHeaders),
      // The params are the body only when there is neither text nor textJSON (postDataBody).
      form: typeof postData?.text === 'string' || (postData?.textJSON !== undefined && postData.textJSON !== null) ? formFields(postData?.params) : undefined,
    },
    response: undefined,
    durationMs: typeof entry.time === 'number' ? entry.time : undefined,
    recordedAt: isoTime(entry.startedDateTime),
    docPath: base,
    fieldPaths: standardFieldPaths(base, {
      id: ['_id'],
      request: ['request'],
      'request.method': ['request', 'method'],
      'request.url': ['request', 'url'],
      'request.headers': ['request', 'headers'],
      'request.body': ['request', 'postData', postData && postData.text === undefined && postData.textJSON !== undefined ? 'textJSON' : 'text'],
      response: ['response'],
      'response.status': ['response', 'status'],
      'response.headers': ['response', 'headers'],
      'response.body': ['response', 'content', 'text'],
      duration: ['time'],
    }),
  };
  if (isRecord(entry.response)) {
    const res = entry.response;
    const headers = withCookies(headersFrom(res.headers).filter((h) => !h.name.startsWith(':')), res.cookies, 'response');
    const status = typeof res.status === 'number' ? res.status : Number(res.status);
    interaction.response = {
      status: Number.isFinite(status) ? status : 0,
      statusText: statusTextOf(status, res.statusText),
      headers,
      body: makeBody(contentBody(isRecord(res.content) ? res.content : undefined), headers),
    };
  }
  return interaction;
}

/**
 * HAR's `cookies` lists hold the cookies a `Cookie` or `Set-Cookie` header carried. A recorder that
 * scrubs the header may leave them there: without such a header, they become one, so `lint`, masking
 * and `show --headers` see them as they see the header.
 */
function withCookies(headers: Header[], cookies: unknown, side: 'request' | 'response'): Header[] {
  const name = side === 'request' ? 'cookie' : 'set-cookie';
  if (!Array.isArray(cookies) || cookies.length === 0 || headers.some((h) => h.name.toLowerCase() === name)) return headers;
  const pairs = cookies.filter(isRecord).map((c) => `${String(c.name ?? '')}=${String(c.value ?? '')}`);
  if (pairs.length === 0) return headers;
  return side === 'request' ? [...headers, { name: 'Cookie', value: pairs.join('; ') }] : [...headers, ...pairs.map((value) => ({ name: 'Set-Cookie', value }))];
}

function postDataBody(postData: Record<string, unknown> | undefined): StoredBody {
  if (!postData) return { storage: 'empty', text: '' };
  if (typeof postData.text === 'string') return postData.text === '' ? { storage: 'empty', text: '' } : { storage: 'text', text: postData.text };
  // Some Polly persisters (Sourcegraph Cody's) store a JSON body already parsed, as `textJSON`.
  if (postData.textJSON !== undefined && postData.textJSON !== null) return { storage: 'parsed', parsed: postData.textJSON };
  if (Array.isArray(postData.params) && postData.params.length > 0) {
    const params = new URLSearchParams();
    for (const p of postData.params) if (isRecord(p)) params.append(String(p.name), String(p.value ?? ''));
    return { storage: 'text', text: params.toString() };
  }
  return { storage: 'empty', text: '' };
}

/** HAR `content`: text, `encoding: base64`, Polly's JSON array of base64 chunks, legacy `_isBinary` hex. */
function contentBody(content: Record<string, unknown> | undefined): StoredBody {
  const text = content?.text;
  if (typeof text !== 'string' || text === '') return { storage: 'empty', text: '' };
  if (content?._isBinary === true) {
    const bytes = fromHex(text);
    if (bytes) return { storage: 'hex', bytes };
  }
  if (content?.encoding === 'base64') {
    const chunks = base64Chunks(text);
    if (chunks) return { storage: 'chunks', bytes: Buffer.concat(chunks.map((c) => fromBase64(c))) };
    return { storage: 'base64', bytes: fromBase64(text) };
  }
  return { storage: 'text', text };
}

/** Polly stores a gzip stream as `["H4sI...", "..."]`: a JSON array of base64 chunks. */
function base64Chunks(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((c) => typeof c === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}
