import type { ChalkInstance, Options as ChalkOptions } from 'chalk';
import type { Palette } from '../render/palette.js';
import { PLAIN } from '../render/palette.js';

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
  if (!color) return PLAIN;
  if (!Chalk) throw new Error('paletteFor(true) before prepareColor()');
  const c = new Chalk({ level: 2 });
  return {
    bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow,
    blue: c.blue, magenta: c.magenta, cyan: c.cyan, gray: c.gray,
  };
}

export function terminalWidth(): number {
  const cols = process.stdout.columns;
  return cols && cols > 40 ? Math.min(cols, 160) : 100;
}

/** Progress on stderr for long runs, only when a person is watching. */
export function createProgress(total: number, label: string): { tick(path: string): void; done(): void } {
  const enabled = total >= 20 && Boolean(process.stderr.isTTY);
  let n = 0;
  let last = 0;
  return {
    tick(path) {
      n++;
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 80 && n < total) return;
      last = now;
      const name = path.length > 60 ? `…${path.slice(-59)}` : path;
      process.stderr.write(`\r\x1b[2K${label} ${n}/${total} ${name}`);
    },
    done() {
      if (enabled) process.stderr.write('\r\x1b[2K');
    },
  };
}

/** Write to stdout; a closed pipe (`| head`) ends the program quietly. */
export function writeOut(text: string): void {
  process.stdout.write(text);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
