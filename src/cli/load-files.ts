import { NotCassetteError, NotHttpError, describeInputError, isExpectedError } from '../model/errors.js';
import type { Cassette } from '../model/types.js';
import { loadCassette, openCassette, type CassetteStream, type LoadOptions } from '../load.js';
import { count } from '../text/plural.js';
import { expandInputs, readInputFile, type InputFile, type SkippedEntry } from './inputs.js';
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
 * The walk policy every command shares. Files found in a directory or by a pattern that are not
 * cassettes (a package.json, a workflow, a fixture), or that hold no HTTP (pydantic-ai's websocket
 * and gRPC recordings), are skipped and counted. A file named on the command line is skipped the
 * same way by `lint` and `diff --git` (pre-commit and git name every matching file), and is an
 * error for `show` and `cost` (the user asked for that file). A cassette that is broken is always an
 * error, and so is a directory or pattern with no cassette in it.
 */
export interface InputPolicy extends LoadOptions {
  /** The command, for the progress line. */
  label: string;
  namedNonCassette: 'skip' | 'error';
  /** Files to leave out before reading them (lint's config `ignore`). */
  ignore?: ((path: string) => boolean) | undefined;
  /** Called for each error as it happens, in input order (lint puts them between its results). */
  onError?: ((error: FileError) => void) | undefined;
}

export interface InputOutcome {
  errors: FileError[];
  /** Files read but passed over, by why: not a cassette, or which kind of non-HTTP recording. */
  skipped: { notCassette: number; notHttp: Map<string, number>; entries: SkippedEntry[] };
}

/**
 * Load each cassette and hand it to `each` as soon as it is ready, so output streams and one bad
 * file does not stop the rest. Errors are collected (and given to `onError`), printed by the caller.
 */
export function forEachInput<T>(
  args: readonly string[],
  policy: InputPolicy,
  load: (bytes: Uint8Array, file: InputFile) => T,
  each: (loaded: T, file: InputFile, bytes: Uint8Array) => void,
): InputOutcome {
  const expansion = expandInputs(args);
  const outcome: InputOutcome = { errors: [], skipped: { notCassette: 0, notHttp: new Map(), entries: expansion.skipped } };
  const fail = (path: string, message: string) => {
    const error = { path, message };
    outcome.errors.push(error);
    policy.onError?.(error);
  };
  for (const p of expansion.problems) fail(p.path, `${p.path}: ${p.message}`);
  // Cassettes (read or broken) per argument: a directory or pattern with none is an error.
  const found = new Array<number>(expansion.args.length).fill(0);
  const progress = createProgress(expansion.files.length, policy.label);
  for (const file of expansion.files) {
    // An ignored file counts as found: the directory holds cassettes, the config leaves them out.
    if (policy.ignore?.(file.path)) {
      found[file.arg]!++;
      continue;
    }
    progress.tick(file.path);
    let loaded: T;
    let bytes: Uint8Array;
    try {
      bytes = readInputFile(file);
      loaded = load(bytes, file);
    } catch (error) {
      if (error instanceof Error && error.name === 'UsageError') throw error;
      if (error instanceof NotCassetteError && (!file.explicit || policy.namedNonCassette === 'skip')) {
        if (error instanceof NotHttpError) outcome.skipped.notHttp.set(error.what, (outcome.skipped.notHttp.get(error.what) ?? 0) + 1);
        else outcome.skipped.notCassette++;
        continue;
      }
      found[file.arg]!++;
      progress.clear();
      fail(file.path, errorLine(file.path, error));
      continue;
    }
    found[file.arg]!++;
    progress.clear();
    try {
      each(loaded, file, bytes);
    } catch (error) {
      fail(file.path, errorLine(file.path, error));
    }
  }
  progress.done();
  expansion.args.forEach((arg, i) => {
    if (found[i] !== 0) return;
    if (arg.kind === 'directory') fail(arg.text, `${arg.text}: no cassettes in this directory`);
    else if (arg.kind === 'pattern') fail(arg.text, `${arg.text}: no cassettes match this pattern`);
  });
  return outcome;
}

/** forEachInput with the whole cassette loaded. */
export function forEachCassette(args: readonly string[], policy: InputPolicy, each: (cassette: Cassette) => void): InputOutcome {
  return forEachInput(args, policy, (bytes, file) => loadCassette(bytes, file.path, policy), each);
}

/** forEachInput for a command that takes interactions one at a time (see openCassette). */
export function forEachCassetteStream(args: readonly string[], policy: InputPolicy, each: (stream: CassetteStream) => void): InputOutcome {
  return forEachInput(args, policy, (bytes, file) => openCassette(bytes, file.path, policy), each);
}

/** The lines that say what a run skipped (for stderr), empty when nothing was. */
export function skippedLines(skipped: InputOutcome['skipped']): string[] {
  const lines: string[] = [];
  if (skipped.notCassette) lines.push(`skipped ${count(skipped.notCassette, 'file')} that ${skipped.notCassette === 1 ? 'is not a cassette' : 'are not cassettes'}`);
  const notHttp = [...skipped.notHttp.values()].reduce((a, b) => a + b, 0);
  if (notHttp) lines.push(`skipped ${count(notHttp, 'recording')} that ${notHttp === 1 ? 'holds' : 'hold'} no HTTP (${[...skipped.notHttp.keys()].join(', ')})`);
  if (skipped.entries.length) {
    const kinds = new Map<string, number>();
    for (const e of skipped.entries) kinds.set(e.what, (kinds.get(e.what) ?? 0) + 1);
    lines.push(`skipped ${count(skipped.entries.length, 'entry', 'entries')} that cannot be read as files: ${[...kinds].map(([k, n]) => count(n, k)).join(', ')}`);
  }
  return lines;
}

/** Print the skip summary and the errors on stderr, in that order. */
export function reportInputs(outcome: InputOutcome): void {
  for (const line of skippedLines(outcome.skipped)) process.stderr.write(`${line}\n`);
  for (const e of outcome.errors) process.stderr.write(`error: ${e.message}\n`);
}
