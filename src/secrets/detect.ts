import type { Header, Interaction } from '../model/types.js';
import { cookieKind } from './cookies.js';
import { decodeUriComponentSafe } from '../text/uri.js';
import { isPlaceholder, SECRET_PATTERNS, SECRET_QUERY_PARAMS } from './patterns.js';

/** A credential found in an interaction: where, what kind, and the exact text to redact. */
export interface FoundSecret {
  interaction: number;
  where: 'header' | 'url' | 'body';
  /** Header name, query parameter, or `request body` / `response body`. */
  field: string;
  side: 'request' | 'response';
  kind: string;
  value: string;
  /** The cookie's name, for a `Cookie` / `Set-Cookie` finding. */
  cookie?: string | undefined;
  /** True for a response cookie whose name says neither session nor infrastructure: worth a look, not proof. */
  uncertain?: boolean | undefined;
}

type Candidate = Pick<FoundSecret, 'kind' | 'value' | 'cookie' | 'uncertain'>;

// Headers that carry credentials. show masks a few more (OpenAI organization and project ids),
// but those identify an account without granting access, so lint does not report them.
const CREDENTIAL_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'cookie', 'set-cookie', 'x-amz-security-token',
  'x-auth-token', 'x-access-token', 'anthropic-admin-api-key', 'ocp-apim-subscription-key', 'x-subscription-token', 'x-vercel-oidc-token',
]);
/** Names that end like a key but hold pagination or request state. */
const NOT_CREDENTIAL = /page|cursor|next|continuation|sync|csrf|max|total|input|output|prompt|completion/i;
const KEY_LIKE = /(api[_-]?key|apikey|secret|token|password|passwd|access[_-]?key|private[_-]?key|client[_-]?secret|auth)$/i;
const BLOB_CHAR = /[A-Za-z0-9+/=_-]/;

/** `sk-p…(51 chars)`: enough to tell keys apart, never the key. */
export function redactForMessage(value: string): string {
  return `${value.slice(0, Math.min(4, value.length >> 2))}…(${value.length} chars)`;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/** The credential part of a header value: the token after `Bearer`, the key id of a SigV4 `Credential=`. */
function headerSecrets(header: Header): Candidate[] {
  const name = header.name.toLowerCase();
  const value = header.value.trim();
  if (name === 'authorization' && /^AWS4-HMAC-SHA256/i.test(value)) {
    const key = /Credential=((?:AKIA|ASIA)[A-Z0-9]{16})/.exec(value)?.[1];
    return key && !isPlaceholder(key) ? [{ kind: 'aws-access-key', value: key }] : [];
  }
  if (!CREDENTIAL_HEADERS.has(name) || isPlaceholder(value)) return [];
  if (name === 'cookie' || name === 'set-cookie') return cookieSecrets(name, value);
  const token = value.replace(/^(Bearer|Basic|Token|Key)\s+/i, '');
  // Real tokens have no spaces; "My bearer token is safe" is a recorder's placeholder sentence.
  return token.length >= 8 && !/\s/.test(token) ? [{ kind: name, value: token }] : [];
}

/**
 * Each cookie's value, judged by its name (see cookies.ts): infrastructure cookies are skipped on both
 * sides; a request `Cookie` is always sent back as a credential; a response cookie of unknown purpose is
 * uncertain. Attributes such as Path and Expires are not secrets.
 */
function cookieSecrets(name: 'cookie' | 'set-cookie', value: string): Candidate[] {
  // A recorder may join several Set-Cookie lines with newlines or ", " (Expires dates hold ", " too).
  const pairs = name === 'cookie' ? value.split(/;\s*/) : value.split(/\n|,\s*(?=[^;,=\s]+=)/).map((c) => c.split(';')[0] ?? '');
  const out: Candidate[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const cookie = eq < 0 ? '' : pair.slice(0, eq).trim();
    const v = pair.slice(eq + 1).trim();
    if (v.length < 8 || isPlaceholder(v)) continue;
    const kind = cookieKind(cookie, v);
    if (kind === 'infrastructure') continue;
    out.push({ kind: `${kind === 'session' ? 'session cookie' : 'cookie'} ${cookie || '(unnamed)'}`, value: v, cookie, uncertain: name === 'set-cookie' && kind === 'unknown' });
  }
  return out;
}

function urlSecrets(url: string): { kind: string; value: string; field: string }[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const out: { kind: string; value: string; field: string }[] = [];
  for (const pair of url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (SECRET_QUERY_PARAMS.has(name.toLowerCase()) && value.length >= 8 && !isPlaceholder(decodeUriComponentSafe(value))) {
      out.push({ kind: `query parameter ${name}`, value, field: name });
    }
  }
  return out;
}

/** True when the match sits inside a longer base64/encrypted run: a blob that happens to contain `sk-`. */
function insideBlob(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s > 0 && BLOB_CHAR.test(text[s - 1]!)) s--;
  while (e < text.length && BLOB_CHAR.test(text[e]!)) e++;
  return e - s > end - start + 8;
}

function bodySecrets(text: string): { kind: string; value: string }[] {
  const out: { kind: string; value: string }[] = [];
  for (const pattern of SECRET_PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (const m of text.matchAll(pattern.regex)) {
      const start = m.index;
      if (isPlaceholder(m[0]) || insideBlob(text, start, start + m[0].length)) continue;
      if (out.some((o) => o.value.includes(m[0]))) continue; // sk-ant- also matches sk-
      out.push({ kind: pattern.id, value: m[0] });
    }
  }
  // High-entropy strings next to key-like names: "api_key": "…", client_secret=…
  for (const m of text.matchAll(/["']?([A-Za-z_][\w-]{1,40})["']?\s*[:=]\s*["']?([A-Za-z0-9+/_.=-]{16,200})/g)) {
    const [, name, value] = m as unknown as [string, string, string];
    if (!KEY_LIKE.test(name) || NOT_CREDENTIAL.test(name) || isPlaceholder(value)) continue;
    if (/^\d+$/.test(value) || entropy(value) < 3.5 || out.some((o) => o.value === value)) continue;
    out.push({ kind: `high-entropy ${name}`, value });
  }
  return out;
}

/** Every credential in an interaction's headers, URL and text bodies. */
export function findSecrets(interaction: Interaction): FoundSecret[] {
  const found: FoundSecret[] = [];
  const at = (side: 'request' | 'response', where: FoundSecret['where'], field: string) => (s: Candidate) => found.push({ interaction: interaction.index, side, where, field, ...s });
  for (const h of interaction.request.headers) headerSecrets(h).forEach(at('request', 'header', h.name));
  for (const s of urlSecrets(interaction.request.url)) at('request', 'url', s.field)(s);
  const reqText = interaction.request.body.text;
  if (reqText) bodySecrets(reqText).forEach(at('request', 'body', 'request body'));
  if (interaction.response) {
    for (const h of interaction.response.headers) headerSecrets(h).forEach(at('response', 'header', h.name));
    const resText = interaction.response.body.text;
    if (resText) bodySecrets(resText).forEach(at('response', 'body', 'response body'));
  }
  return found;
}
