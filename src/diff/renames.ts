import { isIdChange } from './json-diff.js';
import type { JsonChange } from './types.js';

/**
 * Split id changes into consistent renames (each old id became exactly one new id and no two old
 * ids became the same new one: noise, as a re-record mints new tool-call and response ids) and
 * everything else (real changes, including an id now pointing at another call).
 */
export function splitRenames(changes: readonly JsonChange[], extra: readonly [string, string][] = []): { changes: JsonChange[]; renamed: [string, string, number][] } {
  const forward = new Map<string, Set<string>>();
  const backward = new Map<string, Set<string>>();
  const note = (a: string, b: string) => {
    forward.set(a, (forward.get(a) ?? new Set()).add(b));
    backward.set(b, (backward.get(b) ?? new Set()).add(a));
  };
  const ids = changes.filter(isIdChange);
  for (const c of ids) note(c.before, c.after);
  for (const [a, b] of extra) note(a, b);
  const consistent = (a: string, b: string) => forward.get(a)?.size === 1 && backward.get(b)?.size === 1;
  const counts = new Map<string, number>();
  const kept: JsonChange[] = [];
  for (const c of changes) {
    if (isIdChange(c) && consistent(c.before, c.after)) counts.set(`${c.before}\n${c.after}`, (counts.get(`${c.before}\n${c.after}`) ?? 0) + 1);
    else kept.push(c);
  }
  for (const [a, b] of extra) if (consistent(a, b)) counts.set(`${a}\n${b}`, (counts.get(`${a}\n${b}`) ?? 0) + 1);
  const renamed = [...counts].map(([key, n]): [string, string, number] => {
    const [a = '', b = ''] = key.split('\n');
    return [a, b, n];
  });
  return { changes: kept, renamed };
}
