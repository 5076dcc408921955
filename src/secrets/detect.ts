import type { Header, Interaction } from '../model/types.js';
import { cookieKind } from './cookies.js';
import { decodeUriComponentSafe } from '../text/uri.js';
import { memoByString } from './memo.js';
import { urlCredentialParts } from './url-parts.js';
import { secretFastPaths } from './fast-paths.js';
import { AFTER_DIGITS, AFTER_PREFIX, ANY_HINT_SOURCE, isEnvKeyName, isKeyLikeName, isPlaceholder, KEY_LIKE, NOT_CREDENTIAL, possiblePatterns, SECRET_HEADERS, SECRET_PATTERNS, SECRET_QUERY_PARAMS } from './patterns.js';

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
  /** For a URL credential outside the query: the userinfo (`user:password@`) or a path segment. */
  urlPart?: 'userinfo' | 'path' | undefined;
}

type Candidate = Pick<FoundSecret, 'kind' | 'value' | 'cookie' | 'uncertain'>;

// Headers that carry credentials: the ones show masks (SECRET_HEADERS, one list so the two cannot
// drift apart) but the OpenAI organization and project ids, which identify an account without
// granting access, so lint does not report them.
const ACCOUNT_IDS = new Set(['openai-organization', 'openai-project']);
const CREDENTIAL_HEADERS = new Set([...SECRET_HEADERS].filter((name) => !ACCOUNT_IDS.has(name)));
// Headers whose value is a URL, checked for credentials in its query as the request URL is.
const URL_HEADERS = new Set(['location', 'content-location', 'referer', 'refresh']);
const BLOB_CHAR = /[A-Za-z0-9+/=_-]/;

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/** The credential part of a header value: the token after `Bearer`, the key id of a SigV4 `Credential=`. */
function headerSecrets(header: Header): readonly Readonly<Candidate>[] {
  const name = header.name.toLowerCase();
  const value = header.value.trim();
  if (name === 'authorization' && /^AWS4-HMAC-SHA256/i.test(value)) {
    const key = /Credential=((?:AKIA|ASIA)[A-Z0-9]{16})/.exec(value)?.[1];
    return key && !isPlaceholder(key) ? [{ kind: 'aws-access-key', value: key }] : [];
  }
  // A header holding a URL (an OAuth redirect's `Location: …?access_token=…`): its query, as a URL's
  // (each value judged on its own: the host `example.com` does not make the token a placeholder).
  if (URL_HEADERS.has(name)) {
    const inUrl = urlSecrets(value).map(({ kind, value: v }) => ({ kind, value: v }));
    if (inUrl.length > 0) return inUrl;
  }
  if (!CREDENTIAL_HEADERS.has(name) && !isKeyLikeName(name)) {
    // Most headers: only a known key shape counts, so the placeholder test waits for one (the same result, in far fewer tests).
    const shapes = patternSecrets(value);
    return shapes.length === 0 || isPlaceholder(value) ? [] : shapes;
  }
  if (isPlaceholder(value)) return [];
  const token = value.replace(/^(Bearer|Basic|Token|Key)\s+/i, '');
  // Any other header: a gateway's own key header (named like one, and random), or a known key shape.
  if (!CREDENTIAL_HEADERS.has(name)) return isKeyLikeName(name) && randomLooking(token) ? [{ kind: name, value: token }] : patternSecrets(value);
  if (name === 'cookie' || name === 'set-cookie') return cookieSecrets(name, value);
  // Real tokens have no spaces; "My bearer token is safe" is a recorder's placeholder sentence.
  return token.length >= 8 && !/\s/.test(token) ? [{ kind: name, value: token }] : [];
}

/** A value that reads like a generated key: 16 characters or more, no spaces, 3.5 bits of entropy per character. */
function randomLooking(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && !/^\d+$/.test(value) && entropy(value) >= 3.5;
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

/** A form field kept beside the body: judged as a query parameter is (name and randomness, else a key shape). */
function formFieldSecrets({ name, value }: Header): readonly Readonly<Candidate>[] {
  if (isPlaceholder(value)) return [];
  return isKeyLikeName(name) && randomLooking(value) ? [{ kind: `high-entropy ${name}`, value }] : patternSecrets(value);
}

type UrlSecret = { kind: string; value: string; field: string; urlPart?: 'userinfo' | 'path' };

// Judged once per URL: a cassette calls the same endpoint in most of its interactions.
const urlSecrets: (url: string) => readonly Readonly<UrlSecret>[] = memoByString(findUrlSecrets, 2048, 256);

function findUrlSecrets(url: string): UrlSecret[] {
  const out: UrlSecret[] = [];
  // Outside the query: a userinfo's password is a credential whatever it looks like; a user name
  // or a path segment only when it has a known key shape (`https://ghp_…@github.com`, `/keys/sk-…`).
  const { userinfo, segments } = urlCredentialParts(url);
  if (userinfo) {
    for (const s of patternSecrets(userinfo.user)) out.push({ ...s, field: 'userinfo', urlPart: 'userinfo' });
    if (!isPlaceholder(decodeUriComponentSafe(userinfo.password))) out.push({ kind: 'password', value: userinfo.password, field: 'userinfo', urlPart: 'userinfo' });
  }
  for (const segment of segments) for (const s of patternSecrets(segment)) out.push({ ...s, field: 'path', urlPart: 'path' });
  // Where the query (or a fragment of parameters) starts: OAuth's implicit flow redirects to `…#access_token=…`.
  const q = url.search(/[?#]/);
  // A webhook URL's credential spans the host and several segments (`hooks.slack.com/services/T…/B…/…`).
  for (const s of patternSecrets(q < 0 ? url : url.slice(0, q))) if (AFTER_PREFIX.has(s.kind)) out.push({ ...s, field: 'path', urlPart: 'path' });
  if (q < 0) return out;
  for (const pair of url.slice(q + 1).split(/[&#]/)) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    // A password is a credential whatever it looks like, as a userinfo's is (`?password=hunter2`; show masks it).
    if (value.length < (PASSWORD_NAME.test(name) ? 1 : 8) || isPlaceholder(decodeUriComponentSafe(value))) continue;
    if (isQueryCredential(name, value)) {
      out.push({ kind: `query parameter ${name}`, value, field: name });
    } else {
      for (const s of patternSecrets(value)) out.push({ ...s, field: name });
    }
  }
  return out;
}

const PASSWORD_NAME = /passw(?:or)?d$/i;
// `code` when its value looks random: an Azure Functions key (`?code=`, as the x-functions-key header)
// or an OAuth authorization code (RFC 6749 4.1.2; a bearer credential until used, 10.5).
const RANDOM_VALUE_PARAMS = new Set(['code']);

/** A query parameter that holds a credential (its value not yet judged a placeholder). */
export function isQueryCredential(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (SECRET_QUERY_PARAMS.has(lower) || PASSWORD_NAME.test(lower)) return true;
  return (RANDOM_VALUE_PARAMS.has(lower) || isKeyLikeName(decodeUriComponentSafe(name))) && randomLooking(value);
}

/**
 * True when the match sits inside a longer base64/encrypted run: a blob that happens to contain `sk-`.
 * Looks at most 9 characters past each end (the run only has to be 8 longer), so a 10 MB blob with
 * many matches costs no more than one with a single match.
 */
function insideBlob(text: string, start: number, end: number): boolean {
  let extra = 0;
  // `=` is base64's padding, only ever at a blob's end: one before the key ends the run (`api_key=sk-…`).
  for (let s = start - 1; s >= 0 && extra <= 8 && text[s] !== '=' && BLOB_CHAR.test(text[s]!); s--) extra++;
  for (let e = end; e < text.length && extra <= 8 && BLOB_CHAR.test(text[e]!); e++) extra++;
  return extra > 8;
}

// Each pattern anchored where it is tried (`y`): its look-behind still sees the text before. Made on
// first use: most runs find no key prefix (a RegExp per pattern at every start, ~30).
let sticky: RegExp[] | undefined;
const STICKY = () => (sticky ??= SECRET_PATTERNS.map((pattern) => new RegExp(pattern.regex.source, 'y')));

/** Known key shapes (SECRET_PATTERNS) in a text, each value once, placeholders and blobs left out. */
export function patternSecrets(text: string): readonly Readonly<{ kind: string; value: string }>[] {
  // A short text is judged once (see knownShapes); a long one, a body or an interaction's text, is rarely seen twice.
  return text.length <= SHORT_TEXT ? knownShapes(text) : patternSecretsAt(text, possiblePatterns(text));
}

const SHORT_TEXT = 512;
// A cassette's key is in every interaction: secret-text asks for the shapes inside each secret found,
// lint's output for those in each message, and the header scan for each header's value.
const knownShapes = memoByString((text: string) => patternSecretsAt(text, possiblePatterns(text)), SHORT_TEXT);

/** patternSecrets of `text`, whose prefixes `possible` gives (possiblePatterns). */
function patternSecretsAt(text: string, possible: ReadonlyMap<string, readonly number[]>): { kind: string; value: string }[] {
  // Every pattern's matches, then one sweep by position: a match inside an earlier (or more specific,
  // listed first) one is the same key (`sk-ant-…` also matches `sk-…`). No pairwise comparison, so
  // a body with many keys stays linear.
  if (possible.size === 0) return [];
  const matches: { start: number; end: number; order: number; kind: string; value: string }[] = [];
  // Indexed loops, as in possiblePatterns: no iterator per loop where TurboFan is off.
  for (let order = 0; order < SECRET_PATTERNS.length; order++) {
    const pattern = SECRET_PATTERNS[order]!;
    const offsets = possible.get(pattern.id);
    if (!offsets) continue;
    // The matches text.matchAll(pattern.regex) gives, tried only where the pattern's prefix is: one
    // sweep of the text (possiblePatterns') instead of one more per pattern it may hold.
    const sticky = STICKY()[order]!;
    const digitsFirst = AFTER_DIGITS.has(pattern.id);
    let after = 0;
    for (let k = 0; k < offsets.length; k++) {
      let at = offsets[k]!;
      if (digitsFirst) at = digitsBefore(text, at);
      if (at < after) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m) continue;
      after = at + m[0].length;
      matches.push({ start: at, end: after, order, kind: pattern.id, value: m[0] });
    }
  }
  matches.sort((a, b) => a.start - b.start || a.order - b.order);
  const out: { kind: string; value: string }[] = [];
  const values = new Set<string>();
  let covered = 0;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.start < covered) continue;
    covered = m.end;
    if (isPlaceholder(m.value) || (!AFTER_DIGITS.has(m.kind) && !AFTER_PREFIX.has(m.kind) && insideBlob(text, m.start, m.end)) || values.has(m.value)) continue;
    values.add(m.value);
    out.push({ kind: m.kind, value: m.value });
  }
  return out;
}

/** Where the run of digits (up to 17, one more than a pattern takes) that ends at `at` starts. */
function digitsBefore(text: string, at: number): number {
  let s = at;
  while (s > 0 && at - s < 17 && text.charCodeAt(s - 1) >= 48 && text.charCodeAt(s - 1) <= 57) s--;
  return s;
}

/** Key shapes (patternSecrets) and key-like pairs (keyValueSecrets) in a body, each value once. */
export function bodySecrets(text: string): { kind: string; value: string }[] {
  let out: { kind: string; value: string }[];
  let pairs: { kind: string; value: string }[];
  if (secretFastPaths.oneBodySweep) {
    // One RegExp pass for both (~25 instructions a character against ~30 for two on VCR.py's bodies).
    let pair = false;
    out = patternSecretsAt(text, possiblePatterns(text, PAIR_OR_HINT(), () => (pair = true)));
    pairs = keyValueSecretsIf(text, pair);
  } else {
    // Not patternSecrets: its list may be shared (a short text's), and this one grows.
    out = patternSecretsAt(text, possiblePatterns(text));
    pairs = keyValueSecrets(text);
  }
  const values = new Set(out.map((o) => o.value));
  for (const s of pairs) {
    if (values.has(s.value)) continue;
    values.add(s.value);
    out.push(s);
  }
  return out;
}

/**
 * High-entropy values next to key-like names (`"api_key": "…"`, `client_secret=…`): what
 * `secret-body` reports besides the known key shapes, and what every output masks with them.
 */
export function keyValueSecrets(text: string): { kind: string; value: string }[] {
  // Most bodies name no key at all (`"max_tokens":` is not `token:`): one RegExp sweep tells.
  return keyValueSecretsIf(text, KEY_LIKE_PAIR.test(text));
}

/** keyValueSecrets of `text`; `pair`: whether KEY_LIKE_PAIR matches in it. */
function keyValueSecretsIf(text: string, pair: boolean): { kind: string; value: string }[] {
  const out: { kind: string; value: string }[] = [];
  if (text.includes('form-data')) for (const { name, value } of multipartFields(text)) if (isKeyValueSecret(name, value)) out.push({ kind: `high-entropy ${name}`, value });
  if (!pair) return out;
  for (const { name, value } of keyValuePairs(text, KEY_LIKE_ENDS)) if (isKeyValueSecret(name, value)) out.push({ kind: `high-entropy ${name}`, value });
  return out;
}

// A multipart form field: its name in the part's Content-Disposition, a few more part headers, a
// blank line, then a one-line value. Every run is bounded, so each match attempt costs a few lines.
const MULTIPART_FIELD = /Content-Disposition:[ \t]*form-data;[^\r\n]{0,200}?\bname="([^"\r\n]{1,64})"[^\r\n]{0,200}\r?\n(?:[\w-]{1,64}:[^\r\n]{0,200}\r?\n){0,8}\r?\n([^\r\n]{16,200})\r?\n/gi;

/** Fields of a multipart/form-data body (`name="api_key"`, a blank line, the value): no `name=value` to find them by. */
function* multipartFields(text: string): Generator<{ name: string; value: string }> {
  for (const m of text.matchAll(MULTIPART_FIELD)) yield { name: m[1]!, value: m[2]! };
}

/** True when `value` held under `name` is a credential as keyValueSecrets judges one: a key-like name, a random-looking value. */
export function isKeyValueSecret(name: string, value: string): boolean {
  return ((KEY_LIKE.test(name) && !NOT_CREDENTIAL.test(name)) || isEnvKeyName(name)) && !isPlaceholder(value) && randomLooking(value.slice(schemeLength(value, 0)));
}

/**
 * Character classes as tables over UTF-16 code units below 128 (everything above is in none), from
 * the characters listed: a RegExp tested on all 128 was compiled to machine code at every start.
 */
function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
// How every name KEY_LIKE (or isEnvKeyName) accepts ends, lower case: most pairs in a body ("id", "model", "object")
// are passed over without making their strings.
export const KEY_LIKE_ENDS = ['key', 'secret', 'token', 'password', 'passwd', 'auth', 'authorization', 'key_base'];
/**
 * Where keyValuePairs(text, KEY_LIKE_ENDS) can give a pair: such a name's end, then a quote, spaces
 * and the separator as it skips them (`\s` is a superset of its spaces, so no pair is missed); the
 * quote may be escaped (`\"`: JSON inside a JSON string).
 * Letters as `[kK]` classes, not the `i` flag: the same ASCII-only match, in half the time.
 */
export const KEY_LIKE_PAIR = new RegExp(`(?:${KEY_LIKE_ENDS.map((end) => [...end].map((c) => (c >= 'a' && c <= 'z' ? `[${c}${c.toUpperCase()}]` : c)).join('')).join('|')})\\\\?["']?\\s*[:=]`);
/** KEY_LIKE_PAIR or a key prefix's anchor (see possiblePatterns), the pair first: where both match, the prefixes are swept again from there. Made on first use. */
let pairOrHint: RegExp | undefined;
const PAIR_OR_HINT = () => (pairOrHint ??= new RegExp(`(?:${KEY_LIKE_PAIR.source})|${ANY_HINT_SOURCE}`, 'g'));
/** `[\w-]` */
export const NAME_CHAR = charTable(`${LETTERS}${DIGITS}_-`);
/** `[A-Za-z_]` */
export const NAME_START = charTable(`${LETTERS}_`);
// `~` is in Azure (Entra ID) client secrets (`…8Q~…`), `%` in a form body's percent-encoded `+` and `/`:
// without them such a value was cut short of 16 characters and passed for no key at all.
/** `[A-Za-z0-9+/_.=~%-]` */
export const VALUE_CHAR = charTable(`${LETTERS}${DIGITS}+/_.=~%-`);
/** `[ \t\n\r\f\v]` */
export const SPACE_CHAR = charTable(' \t\n\r\f\v');
const is = (table: Uint8Array, c: number) => c < 128 && table[c] === 1;
const QUOTE = 34;
const BACKSLASH = 92;
const APOSTROPHE = 39;
const EQUALS = 61;
const ESCAPED_SPACE = 'ntr';

/**
 * `name: value` and `name=value` pairs (a name of 2-41 characters, a value of 16-200), found from
 * each `:` and `=` outward in time linear in the text. It replaces the RegExp
 * `["']?([A-Za-z_][\w-]{1,40})["']?\s*[:=]\s*["']?([A-Za-z0-9+/_.=~%-]{16,200})`, which backtracks 40
 * steps at every character of a long run of word characters (11 s on a 10 MB line). Characters are
 * tested by code unit against tables: bodies hold a separator every few characters. With `nameEnds`
 * (lower-case letters and `_`), only pairs whose name ends with one of them, in any case, are given.
 * A value that starts `NAME=x` (an env file a tool read: `"content": "MISTRAL_API_KEY=…"`) is no
 * value: that `NAME=` is a pair of its own, found from its `=`.
 */
export function* keyValuePairs(text: string, nameEnds?: readonly string[]): Generator<{ name: string; value: string }> {
  let resume = 0;
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  const length = text.length;
  while (colon !== -1 || equals !== -1) {
    const sep = colon === -1 ? equals : equals === -1 ? colon : Math.min(colon, equals);
    // Each separator's next occurrence is searched once, from where the last one was.
    if (sep === colon) colon = text.indexOf(':', sep + 1);
    else equals = text.indexOf('=', sep + 1);
    if (sep < resume) continue;
    // The value first: most separators in a body have a short value or none, and need no name.
    let v = sep + 1;
    while (v < length && is(SPACE_CHAR, text.charCodeAt(v))) v++;
    // A quote, or an escaped one: JSON inside a JSON string (a tool result, tool-call `arguments`).
    if (text.charCodeAt(v) === BACKSLASH && text.charCodeAt(v + 1) === QUOTE) v++;
    const q = text.charCodeAt(v);
    if (q === QUOTE || q === APOSTROPHE) v++;
    // An HTTP scheme before the credential (`"Authorization": "Bearer …"`, an MCP tool's headers in a body).
    v += schemeLength(text, v);
    let vEnd = v;
    while (vEnd < length && vEnd - v < 200 && is(VALUE_CHAR, text.charCodeAt(vEnd))) vEnd++;
    if (vEnd - v < 16 || startsWithPair(text, v, vEnd)) continue;
    // Back over spaces (each run once: it ends at the previous separator), a quote, then the name.
    let end = sep;
    while (end > resume && is(SPACE_CHAR, text.charCodeAt(end - 1))) end--;
    const p = text.charCodeAt(end - 1);
    if (end > resume && (p === QUOTE || p === APOSTROPHE)) end--;
    if (p === QUOTE && end > resume && text.charCodeAt(end - 1) === BACKSLASH) end--;
    let start = end;
    while (start > resume && end - start < 41 && is(NAME_CHAR, text.charCodeAt(start - 1))) start--;
    // A JSON string's `\n`, `\t` or `\r` before the name (the next line of an env file) is no part of it.
    if (text.charCodeAt(start - 1) === BACKSLASH && ESCAPED_SPACE.includes(text[start]!)) start++;
    while (start < end && !is(NAME_START, text.charCodeAt(start))) start++;
    if (end - start < 2) continue;
    resume = vEnd;
    if (nameEnds && !endsWithAny(text, start, end, nameEnds)) continue;
    yield { name: text.slice(start, end), value: text.slice(v, vEnd) };
  }
}

/**
 * `text[v, vEnd)` starts with a name of 1-41 characters, `=`, maybe a quote (`KEY="…"`, escaped in a
 * JSON string), and a value character other than `=`: base64 padding (`…Tz=`, `…==`) is no such `=`.
 */
function startsWithPair(text: string, v: number, vEnd: number): boolean {
  if (!is(NAME_START, text.charCodeAt(v))) return false;
  let k = v + 1;
  while (k < vEnd && k - v <= 41 && is(NAME_CHAR, text.charCodeAt(k))) k++;
  if (k - v > 41 || text.charCodeAt(k) !== EQUALS) return false;
  let j = k + 1;
  if (text.charCodeAt(j) === BACKSLASH && text.charCodeAt(j + 1) === QUOTE) j++;
  if (text.charCodeAt(j) === QUOTE || text.charCodeAt(j) === APOSTROPHE) j++;
  return is(VALUE_CHAR, text.charCodeAt(j)) && text.charCodeAt(j) !== EQUALS;
}

const SCHEMES = ['bearer ', 'basic ', 'token '];
/** The length of `Bearer ` / `Basic ` / `Token ` (any case) at `at`, or 0. */
function schemeLength(text: string, at: number): number {
  next: for (const scheme of SCHEMES) {
    for (let k = 0; k < scheme.length; k++) if ((text.charCodeAt(at + k) | 0x20) !== scheme.charCodeAt(k)) continue next;
    return scheme.length;
  }
  return 0;
}

/** `text.slice(start, end)` ends with one of `suffixes` (lower-case letters and `_`), in any case. */
function endsWithAny(text: string, start: number, end: number, suffixes: readonly string[]): boolean {
  next: for (const suffix of suffixes) {
    const from = end - suffix.length;
    if (from < start) continue;
    // ORing 0x20 lower-cases an ASCII letter and turns no other name character into one (`_` becomes
    // DEL on both sides, for `key_base`; digits and `-` stay).
    for (let k = 0; k < suffix.length; k++) if ((text.charCodeAt(from + k) | 0x20) !== (suffix.charCodeAt(k) | 0x20)) continue next;
    return true;
  }
  return false;
}

// Three secret rules (and secret-text) ask for the same interaction's secrets, one after the other
// (lint runs every rule on one interaction before the next): the last interaction's are kept. A
// WeakMap entry per interaction cost more (hashing, and ephemerons for the GC to trace).
let last: { interaction: Interaction; found: FoundSecret[] } | undefined;

/** Every credential in an interaction's headers, URL and text bodies (the last interaction's kept: the same object asked again gets the same list). */
export function findSecrets(interaction: Interaction): FoundSecret[] {
  if (last?.interaction !== interaction) last = { interaction, found: scanInteraction(interaction) };
  return last.found;
}

function scanInteraction(interaction: Interaction): FoundSecret[] {
  const found: FoundSecret[] = [];
  // Indexed loops and no closure per header or body: a large YAML file is linted without TurboFan,
  // where each iterator and closure is an allocation (lint reads this once per interaction).
  const add = (side: FoundSecret['side'], where: FoundSecret['where'], field: string, list: readonly Readonly<Candidate>[]) => {
    for (let k = 0; k < list.length; k++) found.push({ interaction: interaction.index, side, where, field, ...list[k]! });
  };
  const { request, response } = interaction;
  for (let k = 0; k < request.headers.length; k++) add('request', 'header', request.headers[k]!.name, headerSecrets(request.headers[k]!));
  const inUrl = urlSecrets(request.url);
  for (let k = 0; k < inUrl.length; k++) add('request', 'url', inUrl[k]!.field, [inUrl[k]!]);
  if (request.body.text) add('request', 'body', 'request body', bodySecrets(request.body.text));
  const form = request.form ?? [];
  for (let k = 0; k < form.length; k++) add('request', 'body', 'request form', formFieldSecrets(form[k]!));
  if (response) {
    for (let k = 0; k < response.headers.length; k++) add('response', 'header', response.headers[k]!.name, headerSecrets(response.headers[k]!));
    if (response.body.text) add('response', 'body', 'response body', bodySecrets(response.body.text));
  }
  return found;
}
