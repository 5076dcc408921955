import { sanitizeOutput } from '../text/sanitize.js';

type Write = typeof process.stdout.write;

let restore: (() => void) | undefined;
let colorOn = false;
let rawStderr: ((text: string) => boolean) | undefined;

/** Our own colour codes are on (the palette was built with colour): let SGR sequences through on stdout. */
export function allowColorCodes(on: boolean): void {
  colorOn = on;
}

/**
 * One sanitizing step at the output boundary: every string or buffer written to stdout or stderr,
 * by any renderer or message, passes `sanitizeOutput`, so a control character or bidi override from
 * a cassette (a header, a model name, a file name) is shown, never executed. Returns an undo.
 */
export function installOutputGuard(): () => void {
  if (restore) return restore;
  const undo = [guard(process.stdout, () => colorOn), guard(process.stderr, () => false)];
  rawStderr = (text) => undo[1]!.original.call(process.stderr, text);
  restore = () => {
    for (const u of undo) u.restore();
    restore = undefined;
    rawStderr = undefined;
  };
  return restore;
}

/** Undo installOutputGuard (in-process runs restore the streams they captured). */
export function uninstallOutputGuard(): void {
  restore?.();
}

/** For the progress line only: its own `\r` and erase-line codes, around an already sanitized name. */
export function writeStderrRaw(text: string): void {
  if (rawStderr) rawStderr(text);
  else process.stderr.write(text);
}

function guard(stream: NodeJS.WriteStream, keepColor: () => boolean): { original: Write; restore(): void } {
  const original = stream.write;
  const write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    let out = chunk;
    if (typeof chunk === 'string') out = sanitizeOutput(chunk, keepColor());
    else if (chunk instanceof Uint8Array) out = sanitizeOutput(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8'), keepColor());
    return (original as (...args: unknown[]) => boolean).call(this, out, ...rest);
  };
  stream.write = write as Write;
  return { original, restore: () => void (stream.write = original) };
}
