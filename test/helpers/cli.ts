import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './corpus.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built bin as a user would, colour off, no TTY. */
export function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/cassette.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** True when stderr holds something that looks like a JS stack frame. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}
