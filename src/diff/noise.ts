import { sortedKeys } from './sorted-keys.js';
// Fields that change on every recording without changing meaning: chunk and response ids,
// timestamps, OpenAI's `obfuscation` padding, Anthropic and Gemini signatures, and encrypted
// reasoning echoed back in a request (OpenAI Responses `encrypted_content`).
const NOISE_KEYS = new Set(['obfuscation', 'created', 'created_at', 'system_fingerprint', 'signature', 'thoughtSignature', 'thought_signature', 'encrypted_content', 'responseId', 'request_id', 'requestId']);
/** Blocks whose `data` is encrypted reasoning, minted again by every recording: Anthropic, OpenRouter. */
const ENCRYPTED_DATA_TYPES = new Set(['redacted_thinking', 'reasoning.encrypted']);
/** Keys that are noise only at the top of a response body (a request's `id` may matter). */
const RESPONSE_NOISE_KEYS = new Set(['id', 'generation_id', 'msg_id']);


/** A copy of `value` without noise keys, with object keys sorted so key order is not a difference. */
export function canonical(value: unknown, options: { noise: boolean; response: boolean }, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, options, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  const keys = sortedKeys(value);
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n]!;
    if (!options.noise && (NOISE_KEYS.has(key) || (options.response && depth === 0 && RESPONSE_NOISE_KEYS.has(key)))) continue;
    if (!options.noise && key === 'data' && ENCRYPTED_DATA_TYPES.has((value as { type?: unknown }).type as string)) continue;
    out[key] = canonical((value as Record<string, unknown>)[key], options, depth + 1);
  }
  return out;
}

/** `--ignore` patterns: `temperature`, `messages[*].cache_control`, `tools.*.description`. */
export function ignoreMatcher(patterns: readonly string[]): (path: string) => boolean {
  const res = patterns.map((p) => {
    const body = p
      .split(/(\[\*\]|\*)/)
      .map((part) => (part === '[*]' ? '\\[\\d+\\]' : part === '*' ? '[^.\\[]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return new RegExp(`^${body}(?:$|[.[])`);
  });
  return (path) => res.some((re) => re.test(path));
}
