/** Types for bench-diff-cassette.mjs. */
/** Test `n`'s VCR.py cassette as recorded in `round` (ids and times) with `model`, `extra` adding a user message. */
export function benchCassette(n: number, round: number, model: string, extra: boolean): string;
