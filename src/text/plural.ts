import { groupDigits } from './group-digits.js';

/** `1 file`, `3 files`, `0 files`: a count with its noun in the right number (`plural` defaults to noun + s). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${groupDigits(n)} ${n === 1 ? noun : plural}`;
}
