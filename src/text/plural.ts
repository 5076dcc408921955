/** `1 file`, `3 files`, `0 files`: a count with its noun in the right number (`plural` defaults to noun + s). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}
