import type { Header } from '../model/types.js';
import { decodeUriComponentSafe } from '../text/uri.js';
import { isQueryCredential, keyValueSecrets } from './detect.js';
import { rewriteUrlHead } from './url-parts.js';
import { isKeyLikeName, isPlaceholder, possiblePatterns, SECRET_HEADERS, SECRET_PATTERNS, SECRET_QUERY_PARAMS } from './patterns.js';

/**
 * How every command writes a secret (show, textconv, diff, lint messages, `--fix-dry-run`, HTML):
 * its first four characters, so a reader can tell keys apart, and its length, never more:
 * `sk-p…(51 chars)`. A short value keeps fewer (a quarter of it), an empty one stays empty.
 */
export function maskSecret(secret: string): string {
  if (secret === '') return secret;
  return `${secret.slice(0, Math.min(4, secret.length >> 2))}…(${secret.length} chars)`;
}

/** A credential as stored (a header or query value): its scheme (`Bearer `) kept, the secret masked. */
export function maskValue(value: string): string {
  if (isPlaceholder(value)) return value;
  const scheme = /^(Bearer|Basic|Token|AWS4-HMAC-SHA256)\s+/i.exec(value)?.[0] ?? '';
  const secret = value.slice(scheme.length);
  if (scheme.startsWith('AWS4')) {
    return scheme + secret.replace(/(Credential=)([^/,\s]+)/, (_, name: string, key: string) => name + maskSecret(key)).replace(/(Signature=)([0-9a-f]+)/i, (_, name: string, sig: string) => name + maskSecret(sig));
  }
  return scheme + maskSecret(secret);
}

/** A header whose whole value is shown masked: a credential header, or one named like a key (`X-Portkey-Api-Key`). */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || isKeyLikeName(name);
}

/** Headers as shown: credential headers' values masked, known key shapes in any other header masked too. */
export function maskHeaders(headers: readonly Header[]): Header[] {
  return headers.map((h) => (isSecretHeader(h.name) ? { name: h.name, value: maskValue(h.value) } : { name: h.name, value: maskSecretsInText(h.value) }));
}

/**
 * Mask credential query parameters (`?key=...`, `X-Amz-Signature=...`, `?my_api_key=...`), the
 * password of a userinfo (`https://user:pass@host`), and known key shapes anywhere in the URL: in
 * the userinfo's user name and in each path segment too, where a key follows a `/` that free text
 * would not accept before one.
 */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  const head = maskUrlHead(q < 0 ? url : url.slice(0, q));
  // Webhook paths (AFTER_PREFIX: slack-webhook, discord-webhook) span segments: the head is searched whole too.
  if (q < 0) return maskSecretsInText(head);
  return maskSecretsInText(
    head +
      '?' +
      url
        .slice(q + 1)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=');
          if (eq < 0) return pair;
          const name = decodeUriComponentSafe(pair.slice(0, eq)).toLowerCase();
          return SECRET_QUERY_PARAMS.has(name) || isKeyLikeName(name) || isQueryCredential(name, pair.slice(eq + 1)) ? `${pair.slice(0, eq + 1)}${maskValue(pair.slice(eq + 1))}` : pair;
        })
        .join('&'),
  );
}

/** A URL up to its query with the userinfo's password masked, and key shapes in its user name and path segments. */
export function maskUrlHead(head: string): string {
  return rewriteUrlHead(head, { user: maskSecretsInText, password: maskValue, segment: maskSecretsInText });
}

/**
 * Mask known key shapes anywhere in free text (bodies, messages), and high-entropy values of
 * key-like names (`"client_secret": "…"`, `access_token=…`), as the `secret-body` rule finds them:
 * what lint calls a secret is never printed whole.
 */
export function maskSecretsInText(text: string): string {
  let out = text;
  // A mask is too short to make a new match: the prefixes of the text as given are enough.
  const possible = possiblePatterns(text);
  if (possible.size > 0) {
    for (const pattern of SECRET_PATTERNS) {
      if (!possible.has(pattern.id)) continue;
      out = out.replace(pattern.regex, (m) => (isPlaceholder(m) ? m : maskValue(m)));
    }
  }
  // A masked key holds `…(`, so it is not a value here.
  for (const { value } of keyValueSecrets(out)) out = out.split(value).join(maskSecret(value));
  return out;
}
