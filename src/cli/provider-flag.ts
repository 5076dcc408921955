import { UsageError } from '../model/errors.js';
import { PROVIDERS, findProvider } from '../providers/index.js';

/**
 * `--provider ID` checked before any file is read, the same way in every command: an unknown id
 * is a usage error (exit 2). Unchecked, `show`, `lint` and `diff` quietly read every interaction
 * as a non-LLM call (no provider matches), which looks like a cassette with no LLM traffic.
 */
export function checkProviderFlag(id: string | undefined): void {
  if (id !== undefined && !findProvider(id)) {
    throw new UsageError(`unknown provider "${id}" (known: ${PROVIDERS.map((p) => p.id).join(', ')})`);
  }
}
