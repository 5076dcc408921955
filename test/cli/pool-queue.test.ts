import { describe, expect, it } from 'vitest';
import { sharedQueue, taker, written } from '../../src/cli/pool-queue.js';
import type { InputFile } from '../../src/cli/inputs.js';

const files = (n: number): InputFile[] => Array.from({ length: n }, (_, i) => ({ path: `f${i}.yaml`, arg: 0, explicit: false }));
const KiB = 1024;

describe('the pool queue (which file a thread takes next)', () => {
  it('hands out the large files first, largest first, then the main thread takes from the front and a worker from the back', () => {
    // Ten files: 2 large (a quarter of a thread's share or more), 8 small.
    const sizes = [10, 10, 300, 10, 10, 10, 500, 10, 10, 10].map((k) => k * KiB);
    const queue = sharedQueue(files(10), sizes, 2);
    const main = taker(queue, 0);
    const worker = taker(queue, 1);
    expect([main.take(), worker.take()]).toEqual([6, 2]);
    expect([main.take(), main.take(), worker.take(), worker.take(), main.take()]).toEqual([0, 1, 9, 8, 3]);
    expect([worker.take(), worker.take(), main.take(), worker.take()]).toEqual([7, 5, 4, undefined]);
    expect(main.take()).toBeUndefined();
    expect([...queue.claims]).toEqual([1, 1, 2, 1, 1, 2, 1, 2, 2, 2]);
  });

  it('each file is taken once, whatever the threads and sizes', () => {
    for (let seed = 1; seed < 40; seed++) {
      const n = 1 + (seed % 17);
      const sizes = Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 5000) * 37);
      const threads = 1 + (seed % 4);
      const queue = sharedQueue(files(n), sizes, threads);
      const takers = Array.from({ length: threads }, (_, t) => taker(queue, t));
      const got: number[] = [];
      for (let t = 0; ; t = (t + 1) % threads) {
        const i = takers[t]!.take();
        if (i === undefined) break;
        expect(i).not.toBe('wait');
        got.push(i as number);
      }
      expect(got.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('past the budget of input not yet written out, takes files in order near the next one to write, and waits beyond', () => {
    // A budget of 64 KiB: the first large file alone fills it.
    const sizes = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100].map((k) => k * KiB);
    const queue = sharedQueue(files(13), sizes, 2, 64);
    const main = taker(queue, 0);
    const worker = taker(queue, 1);
    expect(worker.take()).toBe(12); // large first
    // Over budget: in order, no further than the window (2 threads x 4 = 8 files) past file 0.
    const inOrder = [main.take(), worker.take(), main.take(), worker.take(), main.take(), worker.take(), main.take(), worker.take()];
    expect(inOrder).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(main.take()).toBe('wait');
    // Writing files out moves the window and frees the budget.
    written(queue, 0);
    expect(worker.take()).toBe(8);
    for (let i = 1; i <= 8; i++) written(queue, i);
    written(queue, 12); // not in order here, but its 100 KiB leave the budget
    expect([main.take(), worker.take(), main.take(), worker.take()]).toEqual([9, 11, 10, undefined]);
  });
});
