import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { limits } from '../limits/limits.js';
import { UsageError } from '../model/errors.js';
import { runFileGathered, type FileOutcome, type NamedNonCassette } from './file-work.js';
import type { InputFile } from './inputs.js';
import { prepareJob, type FileJob } from './jobs.js';
import { sharedQueue, taker, written } from './pool-queue.js';
import type { WorkerStart } from './worker.js';

export interface PoolReply {
  index: number;
  outcome: FileOutcome;
  /** What the work wrote for the file, to be written in file order. */
  text: string;
}

/**
 * Below this much input a pool costs more than it saves. A worker thread is a second V8 isolate:
 * it starts (~0.1 CPU-s), and it warms up and optimizes the command's code again, on the core that
 * V8's helper threads already use for the main thread's optimizing compiles. What counts is the
 * input left beside the largest file, since one file is never split: measured on the 2-core
 * machine (README, "Both cores"), a pool finishes sooner from about this much on.
 */
export const MIN_SPREAD_BYTES = 2 << 20;
const MIN_FILES = 4;
// The worker's entry sits beside this module: dist/cli/worker.js (tsc), or dist/bundle/worker.cjs
// beside the CLI's CommonJS bundle (scripts/bundle.mjs). The bundle's workers start through
// bin/cassette.js, which compiles worker.cjs with a V8 code cache as it does the CLI's bundle,
// and is told by POOL_WORKER (then the CLI's own arguments) that it is a worker.
// Worked out when a pool may start, not when the module loads: a one-file run never asks, and in the
// bundle import.meta.url is made from the bundle's path when first read (scripts/bundle.mjs).
const bundled = () => import.meta.url.endsWith('.cjs');
const workerUrl = () => new URL(bundled() ? './worker.cjs' : './worker.js', import.meta.url);
const binUrl = () => new URL('../../bin/cassette.js', import.meta.url);
const POOL_WORKER = '--cassette-pool-worker';
/**
 * Workers bin/cassette.js started before loading the CLI, for a run over a folder (their start-up
 * then overlaps the main thread's): a pool takes them before starting its own, and a run that needs
 * none stops them (releaseEarlyWorkers). They are unref'd: unused, they never keep a run alive.
 */
const EARLY_WORKERS = Symbol.for('cassette-cli.early-workers');

function earlyWorker(): Worker | undefined {
  return (globalThis as { [EARLY_WORKERS]?: Worker[] })[EARLY_WORKERS]?.shift();
}

/** Stop the workers bin/cassette.js started early, when the run will not use them. */
export function releaseEarlyWorkers(): void {
  for (let w = earlyWorker(); w; w = earlyWorker()) void w.terminate();
}

/** Each file's size in bytes (0 for standard input or a file that cannot be read: its error comes when it is). */
export function fileSizes(files: readonly InputFile[]): number[] {
  return files.map((f) => {
    if (f.stdin) return 0;
    try {
      return statSync(f.path).size;
    } catch {
      return 0;
    }
  });
}

/**
 * How many threads work on `files` (sizes from fileSizes), the main thread included; 1 runs them
 * all here. `CASSETTE_WORKERS=N` sets it whatever the input's size (0 or 1: no worker threads);
 * otherwise it is one per core for a batch of at least MIN_FILES files with at least
 * MIN_SPREAD_BYTES besides its largest file. Standard input is always read in the main thread.
 */
export function poolSize(files: readonly InputFile[], sizes: readonly number[] = fileSizes(files)): number {
  if (files.length < 2 || files.some((f) => f.stdin) || !existsSync(fileURLToPath(workerUrl()))) return 1;
  const env = process.env.CASSETTE_WORKERS;
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`CASSETTE_WORKERS must be a whole number (threads working on files; 0 or 1: only the main thread), got "${env}"`);
    return Math.max(1, Math.min(n, files.length));
  }
  const cores = availableParallelism();
  if (cores < 2 || files.length < MIN_FILES) return 1;
  let total = 0;
  let largest = 0;
  for (const size of sizes) {
    total += size;
    largest = Math.max(largest, size);
  }
  return total - largest >= MIN_SPREAD_BYTES ? Math.min(cores, files.length) : 1;
}

/**
 * Run `job` on every file with `size - 1` worker threads and the main thread working side by side,
 * and hand each outcome, with the text its work wrote, to `emit` in file order as soon as the files
 * before it are done. Each thread takes its next file from a queue they share (src/cli/pool-queue.ts:
 * large files first, then the main thread from the front and the workers from the back), so a
 * worker never waits for the main thread, which may be busy with a file. The workers start before
 * the main thread loads the command's code, so their start-up overlaps it. A file whose worker
 * died (a bug, memory) is run again in the main thread, so its outcome is what a run without
 * workers gives. Throws what `emit` throws (a usage error), after stopping the workers.
 */
export async function runPool(
  size: number,
  job: FileJob,
  files: readonly InputFile[],
  named: NamedNonCassette,
  emit: (file: InputFile, outcome: FileOutcome, text: string) => void,
  sizes: readonly number[] = fileSizes(files),
): Promise<void> {
  const queue = sharedQueue(files, sizes, size);
  const mine = taker(queue, 0);
  const ready = new Map<number, PoolReply>();
  /** Files the main thread must work on: those a worker took and died with. */
  const orphans: number[] = [];
  const workers = new Map<Worker, number>(); // each live worker and its thread number
  let threads = 0; // thread numbers given out
  let cursor = 0; // the next file to emit
  let respawns = size * 2;
  let work: Awaited<ReturnType<typeof prepareJob>> | undefined;

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

    /** Emit what is ready in order, and finish after the last file. */
    const advance = () => {
      try {
        for (let r = ready.get(cursor); r && !settled; r = ready.get(cursor)) {
          ready.delete(cursor);
          written(queue, cursor);
          emit(files[cursor]!, r.outcome, r.text);
          cursor++;
        }
      } catch (error) {
        finish(error);
        return;
      }
      if (cursor === files.length) finish();
    };

    // The main thread's turn: one file, then back to the event loop so workers' replies get in.
    let scheduled = false;
    const schedule = () => {
      if (scheduled || settled || !work) return;
      scheduled = true;
      setImmediate(step);
    };
    const step = () => {
      scheduled = false;
      if (settled) return;
      const index = orphans.shift() ?? mine.take();
      // Nothing to take now: a worker's reply, or its death, schedules the next turn.
      if (typeof index !== 'number') return;
      ready.set(index, { index, ...runFileGathered(work!, files[index]!, named) });
      advance();
      schedule();
    };

    const spawn = () => {
      const thread = ++threads;
      const early = earlyWorker();
      early?.ref();
      // The bundled worker is a function expression that bin/cassette.js compiles and calls: it
      // starts through bin, never as a module of its own.
      const w = early ?? (bundled() ? new Worker(binUrl(), { argv: [POOL_WORKER, ...process.argv.slice(2)] }) : new Worker(workerUrl()));
      w.postMessage({ job, limits: limits(), queue, named, thread } satisfies WorkerStart);
      workers.set(w, thread);
      w.on('message', (reply: PoolReply) => {
        ready.set(reply.index, reply);
        advance();
        schedule();
      });
      // A worker that dies takes its file with it: it is run here instead, and a new worker takes
      // its place (a few times; after that the main thread does the rest alone).
      const lost = () => {
        if (settled || !workers.delete(w)) return;
        queue.claims.forEach((owner, index) => {
          if (owner === thread + 1 && index >= cursor && !ready.has(index)) orphans.push(index);
        });
        orphans.sort((a, b) => a - b);
        if (respawns-- > 0) spawn();
        schedule();
      };
      w.on('error', lost);
      w.on('exit', lost);
    };
    for (let i = 1; i < size; i++) spawn();
    prepareJob(job).then(
      (prepared) => {
        work = prepared;
        schedule();
      },
      (error: unknown) => finish(error),
    );
  });
}
