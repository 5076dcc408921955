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
