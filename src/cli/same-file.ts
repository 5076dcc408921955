import { statSync } from 'node:fs';

/**
 * True when `output` is the same file (device and inode, so through any path or link) as one of
 * `inputs`: a file a command writes (`show --html -o`, `lint --write-baseline`) must never replace
 * a cassette it read. An output that does not exist yet is no input.
 */
export function isOneOfInputs(output: string, inputs: readonly string[]): boolean {
  let target;
  try {
    target = statSync(output);
  } catch {
    return false;
  }
  return inputs.some((path) => {
    try {
      const s = statSync(path);
      return s.ino === target.ino && s.dev === target.dev;
    } catch {
      return false;
    }
  });
}
