import { LimitError } from '../limits/limits.js';
import { secretTextInUnreadable } from '../lint/unreadable-secrets.js';
import { redactSecretsIn } from '../lint/mask-findings.js';
import type { Finding, SeveritySetting } from '../lint/types.js';
import { CassetteInputError, GzipInputError, NotCassetteError } from '../model/errors.js';
import { plainBytes } from '../source/document.js';
import { salvageInteractions } from '../source/salvage.js';
import { errorLine, type FileWork } from './file-work.js';
import type { InputFile } from './inputs.js';

/** A file that broke while read as a cassette: kept so its bytes can still be searched for keys. */
class Broken {
  constructor(readonly error: unknown) {}
}

// A cassette that is broken; a file that is no cassette at all is skipped by lint, as before.
const isBroken = (error: unknown) => error instanceof CassetteInputError && !(error instanceof NotCassetteError);

/**
 * `work` for lint, where a cassette that cannot be read whole (cut short, invalid YAML or JSON,
 * broken mid-stream) still gets what can be said of it, as ESLint reports on what it could parse:
 * the findings of `readable` (lint of the interactions read before the break, see
 * salvageInteractions), and the `secret-text` rule's key shapes in the rest, as gitleaks would,
 * since its keys are committed all the same. Its result holds those findings and the one-line error
 * that makes lint exit 2. A file that does not decompress has no text: nothing in it is searched.
 */
export function withBrokenFileSecrets<T, R extends { findings: Finding[]; error?: string | undefined; errorAt?: { line: number; column: number } | undefined }>(
  work: FileWork<T, R>,
  severity: SeveritySetting,
  empty: () => Omit<R, 'findings' | 'error' | 'errorAt'>,
  readable?: (text: string, file: InputFile) => Finding[],
): FileWork<T | Broken, R> {
  const broken = (error: unknown, file: InputFile, bytes: Uint8Array): R => {
    const position = error instanceof CassetteInputError ? error.details.position : undefined;
    // Plain line and column: the result crosses threads and is printed as JSON.
    const errorAt = position ? { line: position.line, column: position.column } : undefined;
    const result = { ...empty(), findings: [] as Finding[], error: redactSecretsIn(errorLine(file.path, error)), errorAt } as R;
    const text = error instanceof GzipInputError ? undefined : fileText(bytes);
    if (text === undefined) return result;
    let from = 0;
    // A file over the size limit is not parsed again.
    const salvaged = readable && !(error instanceof LimitError) ? salvageInteractions(text, position) : undefined;
    if (salvaged) {
      try {
        result.findings = readable!(salvaged.text, file);
        from = salvaged.end;
      } catch {
        result.findings = [];
      }
    }
    if (severity !== 'off') result.findings.push(...secretTextInUnreadable(text, severity, from));
    return result;
  };
  return {
    rereads: work.rereads,
    load(bytes, file, reread) {
      try {
        return work.load(bytes, file, reread);
      } catch (error) {
        if (isBroken(error)) return new Broken(error);
        throw error;
      }
    },
    process(loaded, file, input, write) {
      if (loaded instanceof Broken) return broken(loaded.error, file, input.bytes());
      try {
        return work.process(loaded, file, input, write);
      } catch (error) {
        // A streamed file can break after its first interactions: its bytes are read again if they were let go.
        if (isBroken(error)) return broken(error, file, input.bytes());
        throw error;
      }
    },
  };
}

/** The file's text as a cassette is read: gunzipped, without a BOM; undefined when it does not gunzip. */
export function fileText(bytes: Uint8Array): string | undefined {
  try {
    return plainBytes(bytes).bytes.toString('utf8');
  } catch {
    return undefined;
  }
}
