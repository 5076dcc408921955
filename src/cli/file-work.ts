import { NotCassetteError, NotHttpError, describeInputError, isExpectedError } from '../model/errors.js';
import { readInputFile, type InputFile } from './inputs.js';

/**
 * A command's work on one input file, in two steps that run the same way in the main thread or in
 * a worker thread (src/cli/pool.ts): `load` turns the bytes into what `process` works on, `process`
 * returns what the main thread needs of the file (plain data: it may cross threads) and may write
 * output with `write`. Output reaches stdout in file order either way.
 */
export interface FileWork<T = unknown, R = unknown> {
  load(bytes: Uint8Array, file: InputFile): T;
  process(loaded: T, file: InputFile, bytes: Uint8Array, write: (text: string) => void): R;
}

/** What a command's `each` gets for a file whose work ended, and whether a walk skips named non-cassettes. */
export type NamedNonCassette = 'skip' | 'error';

/** One file's end, as plain data. */
export type FileOutcome<R = unknown> =
  /** Not a cassette, or a recording of something other than HTTP (`notHttp` names it). */
  | { kind: 'skipped'; notHttp?: string | undefined }
  /** Read and processed; `error` when it broke midway after `write` had written part of its output. */
  | { kind: 'done'; value: R; error?: string | undefined }
  /** Could not be read, or its work failed: one line naming the file. */
  | { kind: 'failed'; message: string }
  /** A usage error while loading (standard input on a terminal): the run stops, as before any pool. */
  | { kind: 'usage'; message: string };

/** One line for an error; a stack only when CASSETTE_DEBUG is set, since a user must never see one. */
export function errorLine(path: string, error: unknown): string {
  if (isExpectedError(error)) return describeInputError(path, error);
  if (process.env.CASSETTE_DEBUG) console.error(error);
  return `${describeInputError(path, error)} (internal error; set CASSETTE_DEBUG=1 for details)`;
}

/**
 * Thrown by `process` when the file broke after part of its output was written (show --json closes
 * the cassette it began): the output stays and the file is reported as an error.
 */
export class BrokeMidway extends Error {
  /** `value`: what was made of the file before it broke (cost's rows so far), handed on as a done file's value. */
  constructor(
    readonly reason: unknown,
    readonly value?: unknown,
  ) {
    super('broke midway');
  }
}

/**
 * The items of `items` up to the first error, which `broken()` then returns (undefined when none):
 * a command prints what it read of a file that breaks midway, then the error, as `show --json` does.
 */
export function untilBroken<T>(items: Iterable<T>): { items: Generator<T>; broken(): unknown } {
  let error: unknown;
  function* read(): Generator<T> {
    try {
      yield* items;
    } catch (e) {
      error = e ?? new Error('unknown error');
    }
  }
  return { items: read(), broken: () => error };
}

/** Read, load and process one file, catching everything into a FileOutcome. */
export function runFile<T, R>(work: FileWork<T, R>, file: InputFile, named: NamedNonCassette, write: (text: string) => void): FileOutcome<R> {
  let bytes: Uint8Array;
  let loaded: T;
  try {
    bytes = readInputFile(file);
    loaded = work.load(bytes, file);
  } catch (error) {
    if (error instanceof Error && error.name === 'UsageError') return { kind: 'usage', message: error.message };
    if (error instanceof NotCassetteError && (!file.explicit || named === 'skip')) {
      return { kind: 'skipped', notHttp: error instanceof NotHttpError ? error.what : undefined };
    }
    return { kind: 'failed', message: errorLine(file.path, error) };
  }
  try {
    return { kind: 'done', value: work.process(loaded, file, bytes, write) };
  } catch (error) {
    if (error instanceof BrokeMidway) return { kind: 'done', value: error.value as R, error: errorLine(file.path, error.reason) };
    return { kind: 'failed', message: errorLine(file.path, error) };
  }
}

/** runFile with what the work writes gathered, for a thread whose output is written elsewhere, in file order. */
export function runFileGathered<T, R>(work: FileWork<T, R>, file: InputFile, named: NamedNonCassette): { outcome: FileOutcome<R>; text: string } {
  const parts: string[] = [];
  const outcome = runFile(work, file, named, (text) => void parts.push(text));
  return { outcome, text: parts.join('') };
}
