import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { limits } from '../limits/limits.js';
import { UsageError } from '../model/errors.js';
import { runFileGathered, type FileOutcome, type NamedNonCassette } from './file-work.js';
import type { InputFile } from './inputs.js';
import { prepareJob, type FileJob } from './jobs.js';

export interface PoolTask {
  index: number;
  file: InputFile;
  named: NamedNonCassette;
}

export interface PoolReply {
  index: number;
  outcome: FileOutcome;
  /** What the work wrote for the file, to be written in file order. */
  text: string;
}

/**
 * Below this much input a pool costs more than it saves: a worker thread starts its own V8 isolate
 * and loads and warms up the command's code again, so one file, a pre-commit run, a small folder
 * and even the 266-file, 13 MB corpus stay in the main thread. Measured on an idle 2-core machine:
 * the corpus took 1.3 s wall alone and 1.65 s with a worker; twelve 10 MiB files 4.7 s and 4.1 s.
 */
const MIN_FILES = 8;
const MIN_BYTES = 64 << 20;
/** Files sent ahead to each worker, so it never waits for the main thread to hand it the next. */
const AHEAD = 2;

// The worker's entry sits beside this module: dist/cli/worker.js (tsc), or dist/bundle/worker.cjs
// beside the CLI's CommonJS bundle (scripts/bundle.mjs). The bundle's workers start through
// bin/cassette.js, which compiles worker.cjs with a V8 code cache as it does the CLI's bundle,
// and is told by POOL_WORKER (then the CLI's own arguments) that it is a worker.
const BUNDLED = import.meta.url.endsWith('.cjs');
const WORKER = new URL(BUNDLED ? './worker.cjs' : './worker.js', import.meta.url);
const BIN = new URL('../../bin/cassette.js', import.meta.url);
const POOL_WORKER = '--cassette-pool-worker';

/**
 * How many threads work on `files`, the main thread included; 1 runs them all here.
 * `CASSETTE_WORKERS=N` sets it whatever the input's size (0 or 1: no worker threads); otherwise it
 * is one per core for a batch of at least MIN_FILES files and MIN_BYTES bytes. Standard input is
 * always read in the main thread.
 */
export function poolSize(files: readonly InputFile[]): number {
  if (files.length < 2 || files.some((f) => f.stdin) || !existsSync(fileURLToPath(WORKER))) return 1;
  const env = process.env.CASSETTE_WORKERS;
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`CASSETTE_WORKERS must be a whole number (threads working on files; 0 or 1: only the main thread), got "${env}"`);
    return Math.max(1, Math.min(n, files.length));
  }
  const cores = availableParallelism();
  if (cores < 2 || files.length < MIN_FILES) return 1;
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f.path).size;
    } catch {
      // unreadable: its error comes when it is read
    }
    if (bytes >= MIN_BYTES) return Math.min(cores, files.length);
  }
  return 1;
}

/**
 * Run `job` on every file with `size - 1` worker threads and the main thread working side by side,
 * and hand each outcome, with the text its work wrote, to `emit` in file order as soon as the files
 * before it are done (output streams; only a few finished files wait for an earlier one). A file
 * whose worker died (a bug, memory) is run again in the main thread, so its outcome is what a run
 * without workers gives. Throws what `emit` throws (a usage error), after stopping the workers.
 */
export async function runPool(
  size: number,
  job: FileJob,
  files: readonly InputFile[],
  named: NamedNonCassette,
  emit: (file: InputFile, outcome: FileOutcome, text: string) => void,
): Promise<void> {
  const work = await prepareJob(job);
  const window = size * (AHEAD + 2);
  const ready = new Map<number, PoolReply>();
  /** Files the main thread takes on: its own share, and those of a worker that died. */
  const mine: number[] = [];
  const workers = new Map<Worker, number>(); // each worker and how many files it holds
  const held = new Map<number, Worker>(); // files sent to a worker and not back yet
  let next = 0; // the next file nobody has taken
  let cursor = 0; // the next file to emit
  let respawns = size * 2;

  const runHere = (index: number) => ready.set(index, { index, ...runFileGathered(work, files[index]!, named) });

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers.keys()) void w.terminate();
      workers.clear();
      if (error === undefined) resolve();
      else reject(error);
    };

    const feed = (w: Worker) => {
      while (!settled && next < files.length && next < cursor + window && workers.get(w)! < AHEAD) {
        const index = next++;
        workers.set(w, workers.get(w)! + 1);
        held.set(index, w);
        w.postMessage({ index, file: files[index]!, named } satisfies PoolTask);
      }
    };

    /** Emit what is ready in order, keep the workers fed, and finish after the last file. */
    const advance = () => {
      try {
        for (let r = ready.get(cursor); r && !settled; r = ready.get(cursor)) {
          ready.delete(cursor);
          emit(files[cursor]!, r.outcome, r.text);
          cursor++;
        }
      } catch (error) {
        finish(error);
        return;
      }
      if (cursor === files.length) return finish();
      for (const w of workers.keys()) feed(w);
    };

    // The main thread's turn: one file, then back to the event loop so workers' replies get in.
    let scheduled = false;
    const schedule = () => {
      if (scheduled || settled) return;
      scheduled = true;
      setImmediate(step);
    };
    const step = () => {
      scheduled = false;
      if (settled) return;
      const index = mine.shift() ?? (next < files.length && next < cursor + window ? next++ : undefined);
      if (index === undefined) return; // nothing to take now: a worker's reply or death schedules the next turn
      runHere(index);
      advance();
      schedule();
    };

    const spawn = () => {
      const workerData = { job, limits: limits() };
      const w = BUNDLED && existsSync(fileURLToPath(BIN)) ? new Worker(BIN, { workerData, argv: [POOL_WORKER, ...process.argv.slice(2)] }) : new Worker(WORKER, { workerData });
      workers.set(w, 0);
      w.on('message', (reply: PoolReply) => {
        workers.set(w, workers.get(w)! - 1);
        held.delete(reply.index);
        ready.set(reply.index, reply);
        advance();
        schedule();
      });
      // A worker that dies takes its files with it: they are run here instead, and a new worker
      // takes its place (a few times; after that the main thread does the rest alone).
      const lost = () => {
        if (settled || !workers.delete(w)) return;
        for (const [index, owner] of held) {
          if (owner !== w) continue;
          held.delete(index);
          mine.push(index);
        }
        mine.sort((a, b) => a - b);
        if (respawns-- > 0) spawn();
        schedule();
      };
      w.on('error', lost);
      w.on('exit', lost);
      feed(w);
    };
    for (let i = 1; i < size; i++) spawn();
    schedule();
  });
}
