import { UsageError } from '../model/errors.js';
import type { Cassette } from '../model/types.js';
import { loadCassette, openCassette, type CassetteStream, type LoadOptions } from '../load.js';
import { count } from '../text/plural.js';
import { errorLine, runFile, type FileOutcome, type FileWork, type NamedNonCassette } from './file-work.js';
import { expandInputs, type InputFile, type SkippedEntry } from './inputs.js';
import { prepareJob, type FileJob } from './jobs.js';
import { fileSizes, poolSize, releaseEarlyWorkers, runPool } from './pool.js';
import { createProgress, writeOut } from './terminal.js';

export interface FileError {
  path: string;
  message: string;
}

export { errorLine };

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
  namedNonCassette: NamedNonCassette;
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

/** Where a file's work writes its output: `begin` before a file's first text (a separator), then `write`. */
export interface FileSink {
  begin?: ((file: InputFile) => void) | undefined;
  write?: ((text: string) => void) | undefined;
}

/** The bookkeeping of one run over the inputs: which files to read, and what each file's outcome means. */
function startRun<R>(args: readonly string[], policy: InputPolicy, each: (value: R, file: InputFile) => void, sink: FileSink) {
  const expansion = expandInputs(args);
  const outcome: InputOutcome = { errors: [], skipped: { notCassette: 0, notHttp: new Map(), entries: expansion.skipped } };
  const fail = (path: string, message: string) => {
    const error = { path, message };
    outcome.errors.push(error);
    policy.onError?.(error);
  };
  // Cassettes (read or broken) per argument: a directory or pattern with none is an error.
  const found = new Array<number>(expansion.args.length).fill(0);
  for (const p of expansion.problems) {
    fail(p.path, `${p.path}: ${p.message}`);
    if (p.arg !== undefined) found[p.arg]!++;
  }
  // An ignored file counts as found: the directory holds cassettes, the config leaves them out.
  const files = expansion.files.filter((file) => {
    if (!policy.ignore?.(file.path)) return true;
    found[file.arg]!++;
    return false;
  });
  const progress = createProgress(files.length, policy.label);
  let begun: InputFile | undefined;
  const write = (file: InputFile, text: string) => {
    progress.clear();
    if (begun !== file) sink.begin?.(file);
    begun = file;
    (sink.write ?? writeOut)(text);
  };
  /** One file's outcome, in file order; `text` is what its work wrote in a worker thread. */
  const settle = (file: InputFile, result: FileOutcome<R>, text = '') => {
    switch (result.kind) {
      case 'usage':
        throw new UsageError(result.message);
      case 'skipped':
        if (result.notHttp !== undefined) outcome.skipped.notHttp.set(result.notHttp, (outcome.skipped.notHttp.get(result.notHttp) ?? 0) + 1);
        else outcome.skipped.notCassette++;
        return;
      case 'failed':
        found[file.arg]!++;
        progress.clear();
        fail(file.path, result.message);
        return;
      case 'done':
        found[file.arg]!++;
        if (text) write(file, text);
        progress.clear();
        // A file that broke midway keeps what was read of it (cost's rows), then its error is reported.
        if (result.error === undefined || result.value !== undefined) each(result.value, file);
        if (result.error !== undefined) fail(file.path, result.error);
    }
  };
  const finish = () => {
    progress.done();
    expansion.args.forEach((arg, i) => {
      if (found[i] !== 0) return;
      if (arg.kind === 'directory') fail(arg.text, `${arg.text}: no cassettes in this directory`);
      else if (arg.kind === 'pattern') fail(arg.text, `${arg.text}: no cassettes match this pattern`);
    });
    return outcome;
  };
  /** Every file worked on in this thread, one after another; the run's outcome. */
  const here = (work: FileWork<unknown, R>) => {
    for (const file of files) {
      progress.tick(file.path);
      settle(file, runFile(work, file, policy.namedNonCassette, (text) => write(file, text)));
    }
    return finish();
  };
  return { files, progress, settle, finish, here };
}

/**
 * Load each cassette and hand it to `each` as soon as it is ready, so output streams and one bad
 * file does not stop the rest. Errors are collected (and given to `onError`), printed by the caller.
 * Runs in this thread; forEachFile spreads a batch over the cores.
 */
export function forEachInput<T>(
  args: readonly string[],
  policy: InputPolicy,
  load: (bytes: Uint8Array, file: InputFile) => T,
  each: (loaded: T, file: InputFile, bytes: Uint8Array) => void,
): InputOutcome {
  const run = startRun<undefined>(args, policy, () => {}, {});
  const work: FileWork<T, undefined> = {
    load,
    process: (loaded, file, input) => {
      run.progress.clear();
      each(loaded, file, input.bytes());
    },
  };
  return run.here(work);
}

/**
 * Run a command's per-file `job` (src/cli/jobs.ts) on every input and hand each file's value to
 * `each` in file order; what the work writes goes to `sink` (stdout by default), also in file
 * order. A large batch is spread over worker threads, one per core (src/cli/pool.ts); anything
 * else runs in this thread. The output is the same either way.
 */
export async function forEachFile<R>(
  args: readonly string[],
  policy: InputPolicy,
  job: FileJob,
  each: (value: R, file: InputFile) => void,
  sink: FileSink = {},
  /** False when these files must be worked on in the main thread (`lint --fix`). */
  parallel: (files: readonly InputFile[]) => boolean = () => true,
): Promise<InputOutcome> {
  const run = startRun<R>(args, policy, each, sink);
  const sizes = run.files.length > 1 ? fileSizes(run.files) : [];
  const size = poolSize(run.files, sizes);
  if (size > 1 && parallel(run.files)) {
    if (process.env.CASSETTE_DEBUG) process.stderr.write(`cassette: ${run.files.length} files over ${size} threads\n`);
    await runPool(size, job, run.files, policy.namedNonCassette, (file, outcome, text) => {
      run.progress.tick(file.path);
      run.settle(file, outcome as FileOutcome<R>, text);
    }, sizes);
    return run.finish();
  }
  releaseEarlyWorkers();
  const work = (await prepareJob(job)) as FileWork<unknown, R>;
  return run.here(work);
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
