// A worker thread of the file pool (src/cli/pool.ts): gets the run's job and shared queue in its
// first message, builds the command's per-file work once, then takes files from the queue itself,
// one at a time, and posts back each file's outcome and the output it wrote, until none is left.
import { parentPort } from 'node:worker_threads';
import { configureLimits, type Limits } from '../limits/limits.js';
import { runFileGathered, type NamedNonCassette } from './file-work.js';
import { prepareJob, type FileJob } from './jobs.js';
import type { PoolReply } from './pool.js';
import { Slot, taker, type SharedQueue } from './pool-queue.js';

/** The first (and only) message a worker gets. */
export interface WorkerStart {
  job: FileJob;
  limits: Limits;
  queue: SharedQueue;
  named: NamedNonCassette;
  /** This worker's number in the pool (the main thread is 0). */
  thread: number;
}

let fileDone: () => void;
/**
 * Settles after this worker's first file, or when it finds the queue empty without having done one
 * (the main thread took every file of a small folder): bin/cassette.js then writes the worker's code
 * cache, so even a worker that came too late starts from a cache next time.
 */
export const firstFileDone = new Promise<void>((resolve) => (fileDone = resolve));

// A worker may be started before the main thread knows what it will do (bin/cassette.js starts one
// early for a run over a folder): it waits for its start message, or is terminated unused.
parentPort!.once('message', ({ job, limits, queue, named, thread }: WorkerStart) => {
  configureLimits(limits);
  // Not a top-level await: the CLI's bundle is CommonJS.
  void prepareJob(job).then(async (work) => {
    const { take } = taker(queue, thread);
    let first = true;
    for (;;) {
      const seen = Atomics.load(queue.state, Slot.Written);
      const index = take();
      if (index === undefined) {
        if (first) fileDone();
        break;
      }
      if (index === 'wait') {
        // Too much is waiting to be written out: wait until the main thread writes some.
        Atomics.wait(queue.state, Slot.Written, seen, 1000);
        continue;
      }
      parentPort!.postMessage({ index, ...runFileGathered(work, queue.files[index]!, named) } satisfies PoolReply);
      if (first) {
        first = false;
        fileDone();
        // Let bin/cassette.js write the code cache now (it waits on firstFileDone).
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  });
});
