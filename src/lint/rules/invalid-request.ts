import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';
import { maskUrl } from '../../secrets/mask.js';
import { memoByString } from '../../secrets/memo.js';
import { lintFastPaths } from '../fast-paths.js';

const METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT|PROPFIND|REPORT|MKCOL|QUERY)$/;

export const invalidRequest: Rule = {
  id: 'invalid-request',
  defaultSeverity: 'error',
  category: 'schema',
  description: 'a request has an invalid URL or HTTP method',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const out = [];
      // A missing method is required-fields' finding; this rule judges only one that was recorded.
      if (i.request.method !== undefined && !METHOD.test(i.request.method)) out.push({ message: `invalid HTTP method ${JSON.stringify(i.request.method)}`, path: i.fieldPaths['request.method'] });
      const ok = lintFastPaths.urlMemo ? validUrl(i.request.url) : isValidUrl(i.request.url);
      // Masked before the cut: a key cut short is no longer a key shape, and the findings' masking would miss it.
      if (!ok) out.push({ message: `invalid URL ${JSON.stringify(maskUrl(i.request.url).slice(0, 80))}`, path: i.fieldPaths['request.url'] });
      return out;
    });
  },
};

/** An http(s) or ws(s) URL, or one that starts with a recorder's placeholder. */
export function isValidUrl(recorded: string): boolean {
  // Recorders' filters leave placeholders such as <AWS_REGION> that replay fills in again.
  const url = recorded.replace(/<[A-Z0-9_]+>/g, 'placeholder');
  if (url.startsWith('placeholder')) return true;
  try {
    return /^(https?|wss?):$/.test(new URL(url).protocol);
  } catch {
    return false; // not a URL
  }
}

// Judged once per URL: a cassette calls one endpoint in most of its interactions (a URL parse each: ~2% of lint).
const validUrl = memoByString(isValidUrl, 2048, 256);
