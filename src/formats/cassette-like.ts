import type { SourceDocument } from '../source/document.js';
import { isRecord } from './shared.js';

/**
 * The key that makes a document look like a cassette although no adapter accepts it: a top-level
 * `interactions` / `http_interactions` / `requests`+`responses` / HAR `log` (VCR, go-vcr, Betamax,
 * Polly), a JSON array of nock-like definitions, or an httprr header. Such a file is a broken
 * cassette (an error), not a file to skip; anything else unrecognised is not a cassette at all.
 */
export function cassetteLikeKey(doc: SourceDocument): string | undefined {
  const d = doc.data;
  if (doc.kind === 'text') return doc.text.startsWith('httprr') ? 'httprr header' : undefined;
  if (Array.isArray(d)) {
    const nockLike = d.some((item) => isRecord(item) && ('scope' in item || 'rawHeaders' in item) && ('method' in item || 'path' in item));
    return nockLike ? 'nock definitions' : undefined;
  }
  if (!isRecord(d)) return undefined;
  for (const key of ['interactions', 'http_interactions']) if (key in d) return `\`${key}\``;
  if ('requests' in d && 'responses' in d) return '`requests` and `responses`';
  if (isRecord(d.log) && 'entries' in d.log) return '`log.entries`';
  return undefined;
}

/**
 * The first interaction of a cassette-like list that a cut-short file leaves incomplete: no
 * `response`, or a request with no method or URL. Named in the error, so a truncated file points
 * at where it breaks rather than only saying that no format matches.
 */
export function incompleteInteraction(doc: SourceDocument): { index: number; path: (string | number)[]; missing: string } | undefined {
  const d = doc.data;
  if (!isRecord(d)) return undefined;
  const key = ['interactions', 'http_interactions'].find((k) => Array.isArray(d[k]));
  if (!key) return undefined;
  const items = d[key] as unknown[];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const path = [key, index];
    if (!isRecord(item) || !isRecord(item.request)) return { index, path, missing: '`request`' };
    const request = item.request;
    if (typeof request.method !== 'string' && !('url' in request) && !('uri' in request)) return { index, path, missing: 'request method or URL' };
    if (!('response' in item)) return { index, path, missing: '`response`' };
  }
  return undefined;
}
