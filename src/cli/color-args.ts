import { existsSync } from 'node:fs';
import { UsageError } from '../model/errors.js';

const WHEN = new Set(['always', 'never', 'auto']);

/**
 * `--color=always|never|auto` and `--color always|never|auto` (gitleaks, git, ls) as the boolean
 * `--color` / `--no-color` the commands take; `auto` decides from the terminal, as no flag does.
 * A bare `--color` followed by anything else stays a bare `--color`, so `cost --color FILE` still works,
 * except a lower-case word that is no path (`--color maybe`): a mistyped value, a usage error rather
 * than a missing file (not with `diff --git`, whose revisions are such words).
 */
export function normalizeColorArgs(argv: readonly string[], exists: (path: string) => boolean = existsSync): string[] {
  const git = argv.includes('--git');
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    let when: string | undefined;
    if (arg.startsWith('--color=')) {
      when = arg.slice('--color='.length);
      if (!WHEN.has(when)) throw new UsageError(`--color takes always, never or auto, got "${when}"`);
    } else if (arg === '--color' && WHEN.has(argv[i + 1] ?? '')) {
      when = argv[++i];
    } else if (arg === '--color' && !git && /^[a-z]+$/.test(argv[i + 1] ?? '') && !exists(argv[i + 1]!)) {
      throw new UsageError(`--color takes always, never or auto, got "${argv[i + 1]}"`);
    }
    if (when === undefined) out.push(arg);
    else if (when === 'always') out.push('--color');
    else if (when === 'never') out.push('--no-color');
  }
  return out;
}
