import { patternSecrets } from '../secrets/detect.js';
import { maskSecret } from '../secrets/mask.js';
import { positionAt } from '../source/document.js';
import type { Finding, Severity } from './types.js';

/**
 * The `secret-text` rule's key shapes in a file that could not be read as a cassette (cut short,
 * not valid YAML or JSON): no rule can run on it, but a key in it still reaches the repository, so
 * a pre-commit run flags it as gitleaks would. One finding per distinct key, at its first place
 * from `from` (a character offset) on.
 */
export function secretTextInUnreadable(text: string, severity: Severity, from = 0): Finding[] {
  // `from`: where the part that could not be read starts (what came before was linted as a cassette).
  return patternSecrets(from > 0 ? text.slice(from) : text).map((s) => {
    const { line, column } = positionAt(text, text.indexOf(s.value, from));
    return { ruleId: 'secret-text', severity, message: `${s.kind} ${maskSecret(s.value)} in ${from > 0 ? 'a part of the file' : 'a file'} that could not be read as a cassette`, line, column };
  });
}
