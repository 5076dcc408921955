import { createHash } from 'node:crypto';
import { maskUrlHead } from '../secrets/mask.js';
import { withoutUserinfo } from '../secrets/url-parts.js';
import type { Finding } from './types.js';

/**
 * What identifies a finding across re-recordings: rule, file, the interaction's request and the field.
 * Not line numbers, interaction indexes or message text (byte counts, masked key prefixes), which change
 * each time a cassette is recorded again.
 */
export interface FindingKey {
  rule: string;
  /** Path relative to the baseline or config folder, `/`-separated. */
  file: string;
  /**
   * `METHOD scheme://host/path?param&names`: query values and any userinfo dropped and key shapes in
   * the path masked, since they may be the secret. Empty for file-level findings.
   */
  request: string;
  /** `response.headers.set-cookie.sessionid`, `request.body`, `version`, ... */
  field: string;
}

/**
 * `POST https://api.example.com/v1/x?alt&key`: method, origin and path, query parameter names only
 * (sorted). A baseline holds no secret: a userinfo (`user:password@`) is left out, a key in a path
 * segment masked as everywhere.
 */
export function requestKey(method: string | undefined, url: string | undefined): string {
  if (!method && !url) return '';
  const raw = url ?? '';
  const q = raw.indexOf('?');
  const names = q < 0 ? [] : raw.slice(q + 1).split('&').map((pair) => pair.split('=')[0] ?? '').filter(Boolean);
  const query = names.length ? `?${[...new Set(names)].sort().join('&')}` : '';
  const head = maskUrlHead(withoutUserinfo(q < 0 ? raw : raw.slice(0, q)));
  return `${(method ?? '').toUpperCase()} ${head}${query}`.trim();
}

/** The field a finding is about: the rule's own name for it, else its document path without list indexes. */
export function fieldOf(finding: Finding): string {
  if (finding.field) return finding.field;
  return (finding.path ?? []).filter((p): p is string => typeof p === 'string').join('.');
}

export function findingKey(finding: Finding, file: string): FindingKey {
  return { rule: finding.ruleId, file, request: requestKey(finding.method, finding.url), field: fieldOf(finding) };
}

/** A short stable id of a key: the first 16 hex digits of its SHA-256. */
export function fingerprint(key: FindingKey): string {
  return createHash('sha256').update([key.rule, key.file, key.request, key.field].join('\u0000')).digest('hex').slice(0, 16);
}
