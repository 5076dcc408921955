import { UsageError } from '../model/errors.js';

/** `--interaction 2`, `--interaction 1-3`, `--interaction 0,4` (repeatable) to a set of indexes. */
export function parseInteractionSpecs(specs: readonly string[]): Set<number> | undefined {
  if (specs.length === 0) return undefined;
  const out = new Set<number>();
  for (const spec of specs) {
    for (const part of spec.split(',')) {
      const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
      if (!m) throw new UsageError(`--interaction takes N, N-M or N,M (got "${spec}")`);
      const from = Number(m[1]);
      const to = m[2] !== undefined ? Number(m[2]) : from;
      if (to < from) throw new UsageError(`--interaction range ${part.trim()} runs backwards`);
      for (let n = from; n <= to && n - from < 100000; n++) out.add(n);
    }
  }
  return out;
}

/**
 * A selector a cassette of `count` interactions cannot satisfy, as an error message: each single
 * index, and each range's first index, must exist (a range may run past the end, as `sed -n 1,99p`).
 */
export function selectionError(specs: readonly string[], count: number): string | undefined {
  for (const spec of specs) {
    for (const part of spec.split(',')) {
      const first = Number(/^\s*(\d+)/.exec(part)?.[1]);
      if (first >= count) return noInteraction(first, count);
    }
  }
  return undefined;
}

/** The one wording for an index past the end: `no interaction 9 (it has 7: #0-#6)`. */
export function noInteraction(index: number, count: number): string {
  return `no interaction ${index} (it has ${count === 0 ? 'none' : count === 1 ? 'one: #0' : `${count}: #0-#${count - 1}`})`;
}

/** commander's collector for a repeatable option; no default array, so `--help` shows no `(default: [])`. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
