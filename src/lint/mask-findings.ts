import { patternSecrets } from '../secrets/detect.js';
import { maskSecret } from '../secrets/mask.js';
import type { Finding } from './types.js';

/**
 * Key shapes in a message (an invalid URL quoted, a JSON error's "near …", SSE data quoted by a
 * rule) written as `sk-p…(51 chars)`, as the secret rules name them: no formatter prints a key.
 */
export function redactSecretsIn(message: string): string {
  let out = message;
  for (const s of patternSecrets(message)) out = out.split(s.value).join(maskSecret(s.value));
  return out;
}

/**
 * Findings with every secret a fix edit removes (whatever its shape: a cookie, a high-entropy
 * token) and every known key shape redacted from their messages. `text` gives the cassette's text,
 * asked for only when an edit does not carry the secret it replaces (decoding a large file costs).
 */
export function maskFindings(findings: readonly Finding[], text: () => string): Finding[] {
  const secrets = new Set<string>();
  for (const f of findings) for (const e of f.fix ?? []) if (e.secret) secrets.add(e.original ?? text().slice(e.start, e.end));
  return findings.map((f) => {
    let message = redactSecretsIn(f.message);
    for (const s of secrets) if (message.includes(s)) message = message.split(s).join(maskSecret(s));
    return message === f.message ? f : { ...f, message };
  });
}
