import { secretTextInUnreadable } from '../lint/unreadable-secrets.js';
import { redactSecretsIn } from '../lint/mask-findings.js';
import type { Finding, SeveritySetting } from '../lint/types.js';
import { CassetteInputError, NotCassetteError } from '../model/errors.js';
import { errorLine, type FileWork } from './file-work.js';
import type { InputFile } from './inputs.js';

/** A file that broke while read as a cassette: kept so its bytes can still be searched for keys. */
class Broken {
  constructor(readonly error: unknown) {}
}

// A cassette that is broken; a file that is no cassette at all is skipped by lint, as before.
const isBroken = (error: unknown) => error instanceof CassetteInputError && !(error instanceof NotCassetteError);

/**
 * `work` for lint, where a cassette that cannot be read (cut short, invalid YAML or JSON, broken
 * mid-stream) is still searched for the `secret-text` rule's key shapes, as gitleaks would: no rule
 * can run on it, but its key is committed all the same. Its result holds those findings and the
 * one-line error that makes lint exit 2.
 */
export function withBrokenFileSecrets<T, R extends { findings: Finding[]; error?: string | undefined }>(
  work: FileWork<T, R>,
  severity: SeveritySetting,
  empty: () => Omit<R, 'findings' | 'error'>,
): FileWork<T | Broken, R> {
  const broken = (error: unknown, file: InputFile, bytes: Uint8Array): R => {
    const findings = severity === 'off' ? [] : secretTextInUnreadable(Buffer.from(bytes).toString('utf8'), severity);
    return { ...empty(), findings, error: redactSecretsIn(errorLine(file.path, error)) } as R;
  };
  return {
    load(bytes, file) {
      try {
        return work.load(bytes, file);
      } catch (error) {
        if (isBroken(error)) return new Broken(error);
        throw error;
      }
    },
    process(loaded, file, bytes, write) {
      if (loaded instanceof Broken) return broken(loaded.error, file, bytes);
      try {
        return work.process(loaded, file, bytes, write);
      } catch (error) {
        // A streamed file can break after its first interactions.
        if (isBroken(error)) return broken(error, file, bytes);
        throw error;
      }
    },
  };
}
