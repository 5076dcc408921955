// A worker thread of the file pool (src/cli/pool.ts): builds the command's per-file work once,
// then for each file it is sent, runs it and posts back the outcome and the output it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { configureLimits, type Limits } from '../limits/limits.js';
import { runFileGathered } from './file-work.js';
import { prepareJob, type FileJob } from './jobs.js';
import type { PoolReply, PoolTask } from './pool.js';

const { job, limits } = workerData as { job: FileJob; limits: Limits };
configureLimits(limits);
// Not a top-level await: the CLI's bundle is CommonJS. Files sent before the work is ready wait
// for it, in the order they came.
const ready = prepareJob(job);
let fileDone: () => void;
/** Settles after this worker's first file: bin/cassette.js then writes the worker's code cache. */
export const firstFileDone = new Promise<void>((resolve) => (fileDone = resolve));
parentPort!.on('message', async ({ index, file, named }: PoolTask) => {
  const work = await ready;
  parentPort!.postMessage({ index, ...runFileGathered(work, file, named) } satisfies PoolReply);
  fileDone();
});
