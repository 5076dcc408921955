import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

/** tmux on PATH (CI installs it in .ci/run); the layout tests skip without it. */
export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/** What a terminal of `columns` showed for one command. */
export interface Capture {
  /** The screen rows as drawn (`capture-pane -p`), trailing blank rows left out. */
  rows: string[];
  /** The same rows with the terminal's own wraps undone (`capture-pane -p -J`): one per line written. */
  lines: string[];
  /** Rows that are the terminal wrapping a line too long for it. */
  wrapped: number;
  status: number;
}

const END = '__cassette_tmux_exit_';

/**
 * One private tmux server (its own socket, no user config) for a test file: each command runs in a
 * detached session of the given size, as a person at that terminal would run it. UTF-8 is forced
 * (`-u`) so the capture does not depend on the caller's locale.
 */
export function startTmux(): { run(command: readonly string[], options: { columns: number; cwd: string; env: Record<string, string> }): Promise<Capture>; stop(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-tmux-'));
  const socket = join(dir, 'socket');
  const tmux = (...args: string[]) => execFileSync('tmux', ['-u', '-f', '/dev/null', '-S', socket, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', TMUX: '' } });
  // Scrollback for long outputs (set before any pane exists), and a server that outlives its sessions.
  tmux('start-server', ';', 'set-option', '-g', 'exit-empty', 'off', ';', 'set-option', '-g', 'history-limit', '100000');
  let sessions = 0;
  return {
    async run(command, { columns, cwd, env }) {
      const name = `s${sessions++}`;
      const vars = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`);
      // A clean environment, then a marker with the exit status and a signal on a tmux channel; the
      // pane stays open (sleep) so it can be read, and the server is killed when the tests are done.
      const shell = `cd ${quote(cwd)} && env -i ${vars.join(' ')} ${command.map(quote).join(' ')}; echo "${END}$?"; tmux -S ${quote(socket)} wait-for -S ${name}; exec sleep 120`;
      tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', '50', shell);
      await promisify(execFile)('tmux', ['-S', socket, 'wait-for', name], { timeout: 60_000 });
      const capture = (...flags: string[]) => tmux('capture-pane', '-p', ...flags, '-S', '-', '-E', '-', '-t', name).split('\n');
      // The signal can overtake the last output on its way through the pane: read until the marker shows.
      for (let tries = 0; ; tries++) {
        const rows = capture();
        const end = rows.findIndex((row) => row.startsWith(END));
        if (end >= 0) {
          const lines = capture('-J');
          const lineEnd = lines.findIndex((line) => line.startsWith(END));
          tmux('kill-session', '-t', name);
          return { rows: rows.slice(0, end), lines: lines.slice(0, lineEnd), wrapped: end - lineEnd, status: Number(rows[end]!.slice(END.length)) };
        }
        if (tries > 100) throw new Error(`tmux: no exit marker after \`${command.join(' ')}\``);
        await sleep(20);
      }
    },
    stop() {
      spawnSync('tmux', ['-S', socket, 'kill-server']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function quote(word: string): string {
  return /^[\w./=:,@+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
