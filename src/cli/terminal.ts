import type { ChalkInstance, Options as ChalkOptions } from 'chalk';
import type { TerminalLayout } from '../render/fit.js';
import type { Palette } from '../render/palette.js';
import { PLAIN } from '../render/palette.js';
import { sanitizeLine } from '../text/sanitize.js';
import { allowColorCodes, writeStderrRaw } from './output-guard.js';

export interface ColorChoice {
  /** true: --color, false: --no-color, undefined: decide from the terminal. */
  color?: boolean | undefined;
}

/** Colour on a TTY unless NO_COLOR; `--color` forces it, `--no-color` stops it. */
export function useColor(choice: ColorChoice, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (choice.color === true) return true;
  if (choice.color === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return Boolean(stream.isTTY);
}

let Chalk: (new (options?: ChalkOptions) => ChalkInstance) | undefined;

/**
 * chalk is imported only when colour will be used, so JSON and piped output (and pre-commit
 * runs) never pay for it; the command runner calls this before a command starts.
 */
export async function prepareColor(flags: ColorChoice & { json?: boolean | undefined }): Promise<void> {
  if (!Chalk && !flags.json && useColor(flags)) Chalk = (await import('chalk')).Chalk;
}

export function paletteFor(color: boolean): Palette {
  allowColorCodes(color);
  if (!color) return PLAIN;
  if (!Chalk) throw new Error('paletteFor(true) before prepareColor()');
  const c = new Chalk({ level: 2 });
  return {
    bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow,
    blue: c.blue, magenta: c.magenta, cyan: c.cyan, gray: c.gray,
  };
}

/**
 * The columns output must fit: the terminal's when stdout is one, else `COLUMNS` when set (a fixed
 * width on request, as the README examples use), else undefined: a pipe or a file gets full lines.
 */
export function outputColumns(): number | undefined {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const env = Number(process.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : undefined;
}

/**
 * Fitting rows to the terminal (`src/render/fit.ts`), when output has a width: it is imported only
 * then, so pipes, JSON and pre-commit runs do not load the wrapping library.
 */
export async function loadTerminalLayout(): Promise<TerminalLayout | undefined> {
  const columns = outputColumns();
  return columns === undefined ? undefined : (await import('../render/fit.js')).terminalLayout(columns);
}

/** Width for wrapped prose (`show`): the output's columns, at most 160, 100 when unknown. */
export function terminalWidth(): number {
  const cols = outputColumns();
  return cols && cols > 40 ? Math.min(cols, 160) : 100;
}

export interface Progress {
  /** Count one more file; redraws the line at most every 80 ms. */
  tick(path: string): void;
  /** Erase the line before anything else is written to the terminal, so nothing is glued to it. */
  clear(): void;
  done(): void;
}

/** Progress on stderr for long runs, only when a person is watching. */
export function createProgress(total: number, label: string): Progress {
  const enabled = total >= 20 && Boolean(process.stderr.isTTY);
  let n = 0;
  let last = 0;
  let shown = false;
  const clear = () => {
    if (shown) writeStderrRaw('\r\x1b[2K');
    shown = false;
  };
  return {
    tick(path) {
      n++;
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 80 && n < total) return;
      last = now;
      const width = Math.max(20, (process.stderr.columns || 80) - label.length - String(total).length * 2 - 4);
      const name = path.length > width ? `…${path.slice(-(width - 1))}` : path;
      writeStderrRaw(`\r\x1b[2K${label} ${n}/${total} ${sanitizeLine(name)}`);
      shown = true;
    },
    clear,
    done: clear,
  };
}

/** Write to stdout; a closed pipe (`| head`) ends the program quietly. */
export function writeOut(text: string): void {
  process.stdout.write(text);
}

// On POSIX node writes to a pipe asynchronously: once the pipe is full, the rest of a stdout write
// waits in a queue while a later stderr line goes out at once, so `cassette show --json DIR 2>&1 | cat`
// got a skip summary or an error in the middle of a JSON line. Blocking pipe writes (as files and
// terminals already are; yargs' set-blocking does the same) keep both streams in the order written.
for (const stream of [process.stdout, process.stderr]) {
  (stream as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(true);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
