import { describeInputError, isExpectedError } from '../model/errors.js';
import type { Cassette } from '../model/types.js';
import { loadCassette, openCassette, type CassetteStream, type LoadOptions } from '../load.js';
import { expandInputs, readInput } from './inputs.js';
import { createProgress } from './terminal.js';

export interface FileError {
  path: string;
  message: string;
}

/** One line for an error; a stack only when CASSETTE_DEBUG is set, since a user must never see one. */
export function errorLine(path: string, error: unknown): string {
  if (isExpectedError(error)) return describeInputError(path, error);
  if (process.env.CASSETTE_DEBUG) console.error(error);
  return `${describeInputError(path, error)} (internal error; set CASSETTE_DEBUG=1 for details)`;
}

/**
 * Load each cassette and hand it to `each` as soon as it is ready, so output streams and one bad
 * file does not stop the rest. Errors are collected, printed by the caller.
 */
export function forEachCassette(
  args: readonly string[],
  options: LoadOptions & { label: string },
  each: (cassette: Cassette) => void,
): FileError[] {
  return forEachFile(args, options, (bytes, path) => loadCassette(bytes, path, options), each);
}

/** forEachCassette for a command that takes interactions one at a time (see openCassette). */
export function forEachCassetteStream(
  args: readonly string[],
  options: LoadOptions & { label: string },
  each: (stream: CassetteStream) => void,
): FileError[] {
  return forEachFile(args, options, (bytes, path) => openCassette(bytes, path, options), each);
}

function forEachFile<T>(
  args: readonly string[],
  options: { label: string },
  load: (bytes: Uint8Array, path: string) => T,
  each: (loaded: T) => void,
): FileError[] {
  const { files, problems } = expandInputs(args);
  const errors: FileError[] = problems.map((p) => ({ path: p.path, message: `${p.path}: ${p.message}` }));
  const progress = createProgress(files.length, options.label);
  for (const file of files) {
    progress.tick(file.path);
    let loaded: T;
    try {
      loaded = load(readInput(file.path), file.path);
    } catch (error) {
      if (error instanceof Error && error.name === 'UsageError') throw error;
      errors.push({ path: file.path, message: errorLine(file.path, error) });
      continue;
    }
    try {
      each(loaded);
    } catch (error) {
      errors.push({ path: file.path, message: errorLine(file.path, error) });
    }
  }
  progress.done();
  return errors;
}
