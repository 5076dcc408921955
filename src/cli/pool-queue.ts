import type { InputFile } from './inputs.js';

/**
 * The files of a pooled run and which thread took each, shared by every thread of the pool
 * (SharedArrayBuffer), so a thread takes its next file itself, at once, without asking the main
 * thread (which may be busy with a file of its own). Plain data: it crosses to the workers as is.
 */
export interface SharedQueue {
  files: readonly InputFile[];
  /** Each file's size in KiB, rounded up. */
  kib: readonly number[];
  /** The large files, largest first: taken before the others (see taker). */
  large: readonly number[];
  /** Per file: 0 while nobody has taken it, else the taking thread's number + 1. */
  claims: Int32Array;
  /** Counters, at the indices `Slot` names. */
  state: Int32Array;
  /** Past this many KiB of input taken and not yet written out, threads take files in order. */
  budgetKiB: number;
  /** Then, how far beyond the next file to write out a thread may take one. */
  window: number;
}

/** What `SharedQueue.state` holds, by index. */
export const Slot = {
  /** How many of `large` have been handed out (it may run past their count). */
  NextLarge: 0,
  /** Files taken. */
  Taken: 1,
  /** KiB of input taken and not yet written out. */
  PendingKiB: 2,
  /** The next file to be written out. */
  Cursor: 3,
  /** Bumped (and waited on) each time a file is written out. */
  Written: 4,
} as const;

/** A queue for `files` of `sizes` bytes, worked on by `threads` threads; see SharedQueue for `budgetKiB`. */
export function sharedQueue(files: readonly InputFile[], sizes: readonly number[], threads: number, budgetKiB = 64 << 10): SharedQueue {
  const n = files.length;
  const kib = sizes.map((s) => Math.ceil(s / 1024));
  const total = kib.reduce((a, b) => a + b, 0);
  // A quarter of a thread's share or more: one of these left for the end keeps one thread busy alone.
  const threshold = Math.max(1, total / threads / 4);
  const large = kib.map((_, i) => i).filter((i) => kib[i]! >= threshold).sort((a, b) => kib[b]! - kib[a]! || a - b);
  return {
    files,
    kib,
    large,
    claims: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n))),
    state: new Int32Array(new SharedArrayBuffer(4 * 8)),
    budgetKiB,
    window: threads * 4,
  };
}

/**
 * One thread's way of taking files from `queue`: the large files first, largest first; then the
 * main thread (`thread` 0) takes the rest from the front of the list and the workers from the
 * back, so each works through neighbouring files (a directory's files share a recorder format, so
 * each isolate warms up less code) and the output waits only for the files between them. Past the
 * queue's budget of input taken and not yet written out, threads take the first files not taken,
 * no further than `window` beyond the next file to write out. `take` returns a file's index,
 * 'wait' when a file may come once more is written out, or undefined when every file is taken.
 */
export function taker(queue: SharedQueue, thread: number): { take(): number | 'wait' | undefined } {
  const { claims, state, kib, large } = queue;
  const n = queue.files.length;
  const front = thread === 0;
  let at = front ? 0 : n - 1; // this thread's next look, forward from the front or back from the back
  const claim = (index: number) => {
    if (Atomics.compareExchange(claims, index, 0, thread + 1) !== 0) return false;
    Atomics.add(state, Slot.Taken, 1);
    Atomics.add(state, Slot.PendingKiB, kib[index]!);
    return true;
  };
  return {
    take() {
      if (Atomics.load(state, Slot.Taken) >= n) return undefined;
      if (Atomics.load(state, Slot.PendingKiB) < queue.budgetKiB) {
        for (let k = Atomics.add(state, Slot.NextLarge, 1); k < large.length; k = Atomics.add(state, Slot.NextLarge, 1)) {
          if (claim(large[k]!)) return large[k]!;
        }
        for (; front ? at < n : at >= 0; at += front ? 1 : -1) {
          if (claims[at] === 0 && claim(at)) return front ? at++ : at--;
        }
        return undefined;
      }
      const cursor = Atomics.load(state, Slot.Cursor);
      const limit = Math.min(n, cursor + queue.window);
      for (let i = cursor; i < limit; i++) if (claims[i] === 0 && claim(i)) return i;
      return Atomics.load(state, Slot.Taken) >= n ? undefined : 'wait';
    },
  };
}

/** Tell the queue's threads that `index` is written out: its input no longer counts against the budget. */
export function written(queue: SharedQueue, index: number): void {
  Atomics.sub(queue.state, Slot.PendingKiB, queue.kib[index]!);
  Atomics.store(queue.state, Slot.Cursor, index + 1);
  Atomics.add(queue.state, Slot.Written, 1);
  Atomics.notify(queue.state, Slot.Written);
}
