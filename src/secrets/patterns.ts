import { memoByString } from './memo.js';

/** A credential shape we recognise in free text. */
export interface SecretPattern {
  id: string;
  description: string;
  regex: RegExp;
}

// Prefixes are anchored on a non-word boundary so base64 blobs that merely contain `sk-` are not matched
// as often; lint adds entropy and placeholder checks on top.
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { id: 'anthropic-key', description: 'Anthropic API key', regex: /(?<![\w/+])sk-ant-[A-Za-z0-9_-]{20,}/g },
  { id: 'openrouter-key', description: 'OpenRouter API key', regex: /(?<![\w/+])sk-or-[A-Za-z0-9_-]{20,}/g },
  { id: 'openai-key', description: 'OpenAI API key', regex: /(?<![\w/+])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { id: 'google-api-key', description: 'Google API key', regex: /(?<![\w/+])AIza[0-9A-Za-z_-]{35}/g },
  { id: 'aws-access-key', description: 'AWS access key id', regex: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g },
  // GitHub's token formats: personal (ghp_, github_pat_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_).
  { id: 'github-token', description: 'GitHub token', regex: /(?<![\w/+])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,})/g },
  { id: 'huggingface-token', description: 'Hugging Face token', regex: /(?<![\w/+])hf_[A-Za-z0-9]{30,}/g },
  // LLM providers' own prefixes (gitleaks' rules): Groq gsk_ + 52, xAI xai- + 80, Perplexity pplx- + 48.
  { id: 'groq-key', description: 'Groq API key', regex: /(?<![\w/+])gsk_[A-Za-z0-9]{48,}/g },
  { id: 'xai-key', description: 'xAI API key', regex: /(?<![\w/+])xai-[A-Za-z0-9_]{70,}/g },
  { id: 'perplexity-key', description: 'Perplexity API key', regex: /(?<![\w/+])pplx-[A-Za-z0-9]{40,}/g },
  // Stripe's live secret and restricted keys: the key MCP servers and payment tools are called with.
  { id: 'stripe-key', description: 'Stripe secret key', regex: /(?<![\w/+])[sr]k_live_[A-Za-z0-9]{20,}/g },
  { id: 'slack-token', description: 'Slack token', regex: /(?<![\w/+])xox[abposr]-[A-Za-z0-9-]{10,}/g },
  { id: 'jwt', description: 'JSON Web Token', regex: /(?<![\w/+])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  // Google OAuth 2.0 access tokens (`ya29.a0Af…`; service accounts' `ya29.c.…` hold more dots), whatever the field is called.
  { id: 'google-oauth-token', description: 'Google OAuth access token', regex: /(?<![\w/+])ya29\.(?=[\w.-]{20})[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/g },
  // Telegram bot tokens, `<bot id>:A<34>` (gitleaks' telegram-bot-api-token), also in the Bot API's paths
  // (`/bot<token>/sendMessage`, so any non-digit may come before). Its prefix `:A` follows the id's digits.
  { id: 'telegram-bot-token', description: 'Telegram bot token', regex: /(?<![0-9])[0-9]{5,16}:A[A-Za-z0-9_-]{34}(?![A-Za-z0-9_-])/g },
  // Webhook URLs whose path is the credential (gitleaks' slack-webhook-url and discord webhook rules):
  // the path after the route, `T…/B…/…` and `<id>/<token>`, told by the host and route before it.
  { id: 'slack-webhook', description: 'Slack incoming webhook', regex: /(?<=(?<![\w.-])hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9+/]{43,56}(?![A-Za-z0-9+/])/g },
  { id: 'discord-webhook', description: 'Discord webhook', regex: /(?<=(?<![\w.-])discord(?:app)?\.com\/api\/webhooks\/)[0-9]{17,20}\/[A-Za-z0-9_-]{60,80}(?![A-Za-z0-9_-])/g },
];

/**
 * Patterns whose match starts right after their literal prefix (HINTS: a webhook's host and route).
 * They span a URL's path segments, so a URL's head is searched whole for them; and the prefix tells,
 * so such a match is never a chance one inside a blob.
 */
export const AFTER_PREFIX: ReadonlySet<string> = new Set(['slack-webhook', 'discord-webhook']);

/**
 * Patterns whose literal prefix (HINTS) comes after a run of up to 16 digits that starts the match:
 * the match is tried from the start of that run. Their `:` is no base64 character, so such a match
 * is never a chance one inside a blob.
 */
export const AFTER_DIGITS: ReadonlySet<string> = new Set(['telegram-bot-token']);

/** Header names whose values are credentials. */
export const SECRET_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'cookie', 'set-cookie',
  'x-amz-security-token', 'openai-organization', 'openai-project', 'x-auth-token', 'x-access-token',
  'anthropic-admin-api-key', 'ocp-apim-subscription-key', 'x-subscription-token', 'x-vercel-oidc-token',
  // Azure Functions' function and host keys (an HTTP-triggered tool or an LLM proxy hosted there).
  'x-functions-key',
]);

/** Names that end like a key but hold pagination or request state. */
export const NOT_CREDENTIAL = /page|cursor|next|continuation|sync|csrf|max|total|input|output|prompt|completion|idempotency|websocket/i;
/** Names of fields, headers and query parameters that hold a credential when their value looks random. */
export const KEY_LIKE = /(api[_-]?key|apikey|secret|token|password|passwd|access[_-]?key|private[_-]?key|client[_-]?secret|auth|authorization)$/i;

/**
 * An environment variable named like a key (`GROQ_KEY=…`, `OPENWEATHER_KEY=…`, Rails'
 * `SECRET_KEY_BASE=…`), as an env file a tool read holds them. gitleaks' generic-api-key rule takes
 * any name holding `key`; here only upper-case names (POSIX environment variable names, Base
 * Definitions 8.1), so a JSON field `cache_key` is not one, and not a cache, hash or public key.
 */
export const isEnvKeyName: (name: string) => boolean = memoByString(
  (name) => /^[A-Z][A-Z0-9_]*_KEY(?:_BASE)?$/.test(name) && !NOT_CREDENTIAL.test(name) && !/CACHE|HASH|IDEMPOTENCY|DEDUP|PARTITION|SORT|ROUTING|PRIMARY|FOREIGN|PUBLIC|PUBLISHABLE/.test(name),
);

/**
 * A header or query parameter named like a credential that the lists above do not name
 * (`X-Portkey-Api-Key`, `Helicone-Auth`, `?anthropic_key=`): what a gateway or a wrapper adds.
 */
export const isKeyLikeName: (name: string) => boolean = memoByString((name) => KEY_LIKE.test(name) && !NOT_CREDENTIAL.test(name));

/** URL query parameters whose values are credentials. */
export const SECRET_QUERY_PARAMS = new Set([
  'key', 'api_key', 'apikey', 'api-key', 'token', 'access_token', 'x-amz-credential', 'x-amz-signature', 'x-amz-security-token', 'sig', 'signature',
  // Google Cloud Storage V4 signed URLs, as S3's above: the signature grants access until it expires.
  'x-goog-signature',
  // OpenWeatherMap's API key (`appid`, the weather tool of many tool-calling tests) and Azure API
  // Management's / Cognitive Services' `subscription-key`, the query form of Ocp-Apim-Subscription-Key.
  'appid', 'subscription-key',
]);

const PLACEHOLDER_SHAPE = /<[^>]*>|^\*+$|^x{4,}$|^test[-_]?(api[-_]?)?key|^your[-_]|^sk-(test|fake|dummy|xxx)|\{\{.*\}\}|\$\{.*\}/i;
const PLACEHOLDER_WORD = /redacted|redact|filtered|placeholder|dummy|fake|mocked|mock|example|invalid|bogus/gi;
// Lower case (or upper case) and separators only: written by a person, so a word anywhere tells (`fakeapikey`).
const ONE_CASE = /^(?:[a-z_.\s-]+|[A-Z_.\s-]+)$/;

/**
 * Values that are already placeholders, not secrets: `REDACTED`, `<API_KEY>`, `sk-fake-key`,
 * `fakeApiKey`, `DUMMY_TOKEN`. A word such as `fake` or `dummy` counts only as a word of its own
 * (between separators or digits, or a camelCase part): a generated key holds `fAKe` or `duMmY`
 * by chance (about one in 10,000 OpenAI keys), and that key is a secret. Judged once per value (memoByString).
 */
export const isPlaceholder: (value: string) => boolean = memoByString(placeholder);

function placeholder(value: string): boolean {
  const v = value.replace(/^(Bearer|Basic|Token)\s+/i, '').trim();
  if (v === '' || v.length < 6) return true;
  if (PLACEHOLDER_SHAPE.test(v)) return true;
  const oneCase = ONE_CASE.test(v);
  for (const m of v.matchAll(PLACEHOLDER_WORD)) if (oneCase || isWordAt(v, m.index, m[0].length)) return true;
  return false;
}

const LOWER = /^[a-z]$/;
const UPPER = /^[A-Z]$/;

/** `v.slice(start, start + length)` is a word: one case (or Capitalized), not run on into letters except at a camelCase step. */
function isWordAt(v: string, start: number, length: number): boolean {
  const word = v.slice(start, start + length);
  const rest = word.slice(1);
  const lower = rest === rest.toLowerCase();
  if (!(lower || word === word.toUpperCase())) return false;
  const before = v[start - 1] ?? '';
  const after = v[start + length] ?? '';
  const first = word[0]!;
  const leftOk = !/[A-Za-z]/.test(before) || (LOWER.test(before) && UPPER.test(first));
  const rightOk = !/[A-Za-z]/.test(after) || (lower && LOWER.test(word.at(-1)!) && UPPER.test(after));
  return leftOk && rightOk;
}

// Literal prefixes of the patterns: a text without any of them cannot match, so the RegExp is skipped.
export const HINTS: Readonly<Record<string, readonly string[]>> = {
  'anthropic-key': ['sk-ant-'], 'openrouter-key': ['sk-or-'], 'openai-key': ['sk-'], 'google-api-key': ['AIza'],
  'aws-access-key': ['AKIA', 'ASIA'], 'github-token': ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], 'huggingface-token': ['hf_'],
  'groq-key': ['gsk_'], 'xai-key': ['xai-'], 'perplexity-key': ['pplx-'], 'stripe-key': ['sk_live_', 'rk_live_'],
  'slack-token': ['xox'], jwt: ['eyJ'], 'google-oauth-token': ['ya29.'], 'telegram-bot-token': [':A'],
  'slack-webhook': ['hooks.slack.com/services/', 'hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'],
  'discord-webhook': ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
};

const HINT_ENTRIES = Object.entries(HINTS);

/**
 * Characters that mark every prefix: each prefix is found from the last of them it holds (its
 * anchor), so the sweep stops only at these (JSON's `-`, `_` and `.` among them, but no letter
 * common in text) and tests the prefix backwards there. A RegExp of all the prefixes side by side
 * tried each of them from every character: ~29 instructions a character against ~21.
 */
const ANCHOR_CHARS = '-_.zKSJAx';
interface AnchoredHint {
  /** The pattern's index in HINT_ENTRIES. */
  entry: number;
  prefix: string;
  /** Where the anchor is in the prefix. */
  anchor: number;
  /** What is added to the prefix's start for the offset given (its length for AFTER_PREFIX). */
  shift: number;
}
const ANCHORED: readonly AnchoredHint[] = HINT_ENTRIES.flatMap(([id, prefixes], entry) =>
  prefixes.map((prefix) => {
    let anchor = prefix.length - 1;
    while (anchor >= 0 && !ANCHOR_CHARS.includes(prefix[anchor]!)) anchor--;
    if (anchor < 0) throw new Error(`secret prefix ${prefix} holds none of ${ANCHOR_CHARS}`);
    return { entry, prefix, anchor, shift: AFTER_PREFIX.has(id) ? prefix.length : 0 };
  }),
);
/** The prefixes by their anchor character. */
const BY_ANCHOR = new Map<string, AnchoredHint[]>();
for (const hint of ANCHORED) {
  const list = BY_ANCHOR.get(hint.prefix[hint.anchor]!);
  if (list) list.push(hint);
  else BY_ANCHOR.set(hint.prefix[hint.anchor]!, [hint]);
}
/** `text` as RegExp source that matches it literally, in or out of a character class; not for the u flag (`\-` outside a class is an error there). */
export const escapeRegExp = (text: string) => {
  // A loop, not a global replace: ANY_HINT below calls this ~35 times at every start, which had V8
  // compile the replace's RegExp to machine code.
  let out = '';
  for (const c of text) out += REGEXP_SYNTAX.includes(c) ? `\\${c}` : c;
  return out;
};
const REGEXP_SYNTAX = '.*+?^${}()|[]\\/-';
// An anchor character with a prefix up to it just before: one match per anchor that may end a prefix.
const ANY_HINT = new RegExp(
  `[${[...ANCHOR_CHARS].map(escapeRegExp).join('')}](?<=${[...new Set(ANCHORED.map((h) => h.prefix.slice(0, h.anchor + 1)))].map(escapeRegExp).join('|')})`,
  'g',
);

/**
 * ANY_HINT's source. A sweep given to possiblePatterns may be `(?:other)|` + this, `other` matching
 * two characters or more: one pass over a body finds both (detect.ts: its key-like pairs).
 */
export const ANY_HINT_SOURCE = ANY_HINT.source;

/**
 * The patterns `text` may match, each id with the offsets (ascending) where one of its literal
 * prefixes starts (ends, for AFTER_PREFIX): every match of a pattern starts at one of them, so a text without any cannot
 * match and the RegExp is skipped, and one that has some needs the RegExp only there (see
 * patternSecrets). Every position is tried, so prefixes that overlap (`AKIAIza`) are all seen.
 * `sweep` (ANY_HINT_SOURCE after another alternative) calls `other` at that alternative's first match.
 */
export function possiblePatterns(text: string, sweep: RegExp = ANY_HINT, other?: () => void): ReadonlyMap<string, readonly number[]> {
  let re = sweep;
  re.lastIndex = 0;
  let m = re.exec(text);
  // Most texts hold no prefix: they share one empty map. Indexed loops: large YAML files are linted
  // without TurboFan, where each for-of and destructuring allocates an iterator (a tenth of lint's allocations).
  if (!m) return NO_HINTS;
  const hints = new Map<string, number[]>();
  for (; m; m = re.exec(text)) {
    const at = m.index;
    if (m[0].length !== 1) {
      // The other alternative of `sweep` (listed first, see ANY_HINT_SOURCE): said once, then the rest,
      // from where it matched, is swept for prefixes alone.
      other?.();
      re = ANY_HINT;
      re.lastIndex = at;
      continue;
    }
    const candidates = BY_ANCHOR.get(m[0])!;
    for (let k = 0; k < candidates.length; k++) {
      const hint = candidates[k]!;
      const start = at - hint.anchor;
      if (start < 0 || !text.startsWith(hint.prefix, start)) continue;
      const id = HINT_ENTRIES[hint.entry]![0];
      const offsets = hints.get(id);
      if (!offsets) hints.set(id, [start + hint.shift]);
      // A pattern's prefixes end in different places (`github_pat_`, `ghp_`): keep its offsets ascending.
      else if (start + hint.shift > offsets[offsets.length - 1]!) offsets.push(start + hint.shift);
      else insertAscending(offsets, start + hint.shift);
    }
  }
  return hints;
}

/** `value` put in its place in the ascending `list`. */
function insertAscending(list: number[], value: number): void {
  let k = list.length;
  while (k > 0 && list[k - 1]! > value) k--;
  if (list[k - 1] !== value) list.splice(k, 0, value);
}

const NO_HINTS: ReadonlyMap<string, readonly number[]> = new Map();
