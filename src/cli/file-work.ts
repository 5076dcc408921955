import { closeSync, fstatSync, readSync } from 'node:fs';
import { CassetteInputError, NotCassetteError, NotHttpError, describeInputError, isExpectedError } from '../model/errors.js';
import { openRegularFile, readInputFile, type InputFile } from './inputs.js';
import { mayStream, type Reread } from '../source/document.js';
import { readAhead } from './read-ahead.js';

/**
 * A command's work on one input file, in two steps that run the same way in the main thread or in
 * a worker thread (src/cli/pool.ts): `load` turns the bytes into what `process` works on, `process`
 * returns what the main thread needs of the file (plain data: it may cross threads) and may write
 * output with `write`. Output reaches stdout in file order either way.
 */
export interface FileWork<T = unknown, R = unknown> {
  /**
   * `reread`, for a work with `rereads` on a large regular file: the file's bytes `[start, end)` read
   * again, for openCassette, so that the whole file's bytes need not stay in memory once loaded.
   */
  load(bytes: Uint8Array, file: InputFile, reread?: Reread): T;
  process(loaded: T, file: InputFile, input: FileBytes, write: (text: string) => void): R;
  /** Whether `load` takes `reread` and `process` asks for the bytes seldom (a broken file): see runFile. */
  rereads?: boolean | undefined;
}

/** A file's size, and its bytes: held, or read again when asked for (see runFile). */
export interface FileBytes {
  size: number;
  bytes(): Uint8Array;
}

/** Files at least this large (bytes) are not held while a work with `rereads` processes them. */
export const REREAD_FROM = 2 << 20;

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

/**
 * Read, load and process one file, catching everything into a FileOutcome. For a work that
 * `rereads`, a regular plain YAML or JSON file of REREAD_FROM bytes or more is not held while its
 * interactions are read (openInput): they are read one at a time from the file (from the page
 * cache, as it was just read), so peak memory holds one interaction, not the file (README, "Memory").
 */
export function runFile<T, R>(work: FileWork<T, R>, file: InputFile, named: NamedNonCassette, write: (text: string) => void): FileOutcome<R> {
  let loaded: T;
  let opened: OpenedFile | undefined;
  let input: FileBytes;
  try {
    opened = openInput(file, Boolean(work.rereads));
    loaded = work.load(opened.bytes, file, opened.reread);
    input = opened.input();
  } catch (error) {
    opened?.close();
    if (error instanceof Error && error.name === 'UsageError') return { kind: 'usage', message: error.message };
    if (error instanceof NotCassetteError && (!file.explicit || named === 'skip')) {
      return { kind: 'skipped', notHttp: error instanceof NotHttpError ? error.what : undefined };
    }
    return { kind: 'failed', message: errorLine(file.path, error) };
  }
  try {
    return { kind: 'done', value: work.process(loaded, file, input, write) };
  } catch (error) {
    if (error instanceof BrokeMidway) return { kind: 'done', value: error.value as R, error: errorLine(file.path, error.reason) };
    return { kind: 'failed', message: errorLine(file.path, error) };
  } finally {
    opened?.close();
  }
}

/** A file read for openCassette (see openInput). */
export interface OpenedFile {
  /** The file's bytes, or only its first ones when `reread.file` is set. */
  bytes: Uint8Array;
  /** For openCassette: the file read again by range, or in pieces (ParseOptions.reread). */
  reread: Reread | undefined;
  /** The file's size and bytes once openCassette has read them (read again when they were let go). */
  input(): FileBytes;
  /** Closes the file if it was kept open; call it when its interactions have been read. */
  close(): void;
}

/**
 * `file` read for openCassette. With `rereads`, a regular plain JSON or YAML file of REREAD_FROM
 * bytes or more is not read here at all, nor held while its interactions are read: its list is
 * split as it is read, in pieces. Anything else is read whole. Throws readInput's errors.
 */
export function openInput(file: InputFile, rereads: boolean): OpenedFile {
  const streamed = rereads && !file.stdin ? openStreamed(file.path) : undefined;
  if (streamed) {
    const { again, head } = streamed;
    return { bytes: head, reread: { read: again.read, release: () => {}, file: again }, input: () => ({ size: again.size, bytes: again.all }), close: again.close };
  }
  const bytes = readInputFile(file);
  return { bytes, reread: undefined, input: () => ({ size: bytes.length, bytes: () => bytes }), close: () => {} };
}

/** Bytes openAgain reads at once (see readAhead): ~30 items of the bench's files; a 2 MiB file is read in 8. */
const READ_AHEAD = 256 * 1024;

interface FileAgain {
  size: number;
  read(start: number, end: number): Buffer;
  /** Reads into `target` (see FilePieces.readInto), with the same check as `read`. */
  readInto(target: Buffer, at: number, length: number, position: number): number;
  all(): Buffer;
  close(): void;
}

/** Bytes read to decide whether a file is read in pieces (mayStream). */
const STREAM_PEEK = 4096;

/**
 * A regular file of REREAD_FROM bytes or more whose first bytes say plain JSON or YAML (mayStream): its
 * first bytes, and the file open for reads by position. Undefined for anything else, or when the
 * file cannot be opened (it is then read as usual, which reports why).
 */
function openStreamed(path: string): { head: Buffer; again: FileAgain } | undefined {
  const opened = openRegularFile(path);
  if (!opened) return undefined;
  let head: Buffer | undefined;
  if (opened.stat.size >= REREAD_FROM) {
    try {
      head = Buffer.allocUnsafe(STREAM_PEEK);
      head = head.subarray(0, readSync(opened.fd, head, 0, STREAM_PEEK, 0));
    } catch {
      head = undefined;
    }
  }
  if (!head || !mayStream(head)) {
    closeSync(opened.fd);
    return undefined;
  }
  return { head, again: againFrom(opened.fd, opened.stat) };
}

/** Reads by range of the open file `fd`, which had `first` as its status when it was read first. */
function againFrom(fd: number, first: { size: number; mtimeMs: number }): FileAgain {
  const size = first.size;
  let open = true;
  const check = () => {
    const now = fstatSync(fd);
    if (now.size !== first.size || now.mtimeMs !== first.mtimeMs) throw new CassetteInputError('the file changed while it was being read');
  };
  const fill = (into: Buffer, start: number): void => {
    check();
    for (let at = 0; at < into.length; ) {
      const n = readSync(fd, into, at, into.length - at, start + at);
      if (n === 0) throw new CassetteInputError('the file changed while it was being read');
      at += n;
    }
  };
  const read = readAhead(fill, size, READ_AHEAD);
  return {
    size,
    read,
    readInto: (target, at, length, position) => {
      check();
      return readSync(fd, target, at, length, position);
    },
    all: () => read(0, size),
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** runFile with what the work writes gathered, for a thread whose output is written elsewhere, in file order. */
export function runFileGathered<T, R>(work: FileWork<T, R>, file: InputFile, named: NamedNonCassette): { outcome: FileOutcome<R>; text: string } {
  const parts: string[] = [];
  const outcome = runFile(work, file, named, (text) => void parts.push(text));
  return { outcome, text: parts.join('') };
}
