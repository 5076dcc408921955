import { run } from './run.js';
import { uninstallOutputGuard } from './output-guard.js';

export interface CapturedRun {
  /** process.exitCode after the run (0 when unset). */
  status: number;
  stdout: string;
  stderr: string;
}

let busy = false;

/**
 * Run the CLI in this process with stdout and stderr captured (through the same output guard as a
 * real run), for tests and `npm run fuzz`, where spawning a process per input would be too slow.
 * Runs one at a time: the streams and `process.exitCode` are process-wide.
 */
export async function runCaptured(argv: readonly string[]): Promise<CapturedRun> {
  // argv as a user types it after `cassette`.
  if (busy) throw new Error('runCaptured: one run at a time');
  busy = true;
  const out: string[] = [];
  const err: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write);
  const sink = (into: string[]) => ((chunk: unknown, ...rest: unknown[]) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = sink(out);
  process.stderr.write = sink(err);
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await run(['node', 'cassette', ...argv]);
    return { status: Number(process.exitCode ?? 0), stdout: out.join(''), stderr: err.join('') };
  } finally {
    uninstallOutputGuard();
    streams.forEach((s, i) => void (s.write = originals[i]!));
    process.exitCode = before;
    busy = false;
  }
}
