import { headline } from '../summary.js';
import type { InteractionDiff } from '../types.js';

/** `#0 → #1`, with `—` for a missing side. */
export function pairLabel(d: InteractionDiff): string {
  const index = (n: number | undefined) => (n === undefined ? '—' : `#${n}`);
  return `${index(d.before)} → ${index(d.after)}`;
}

/** What happened to a pair in a few words: its headline, or `interaction added (model gpt-4o, "hi")`. */
export function pairWhat(d: InteractionDiff): string {
  const moved = d.moved ? ' (order changed)' : '';
  if (d.status === 'added' || d.status === 'removed') return `interaction ${d.status}${d.description ? ` (${d.description})` : ''}`;
  if (d.status === 'same') {
    const renamed = d.noise?.length ? `; ${d.noise.length} ${d.noise.length === 1 ? 'id' : 'ids'} renamed consistently` : '';
    return `no differences${moved}${renamed}`;
  }
  return `${headline([...(d.request?.summary ?? []), ...(d.response?.summary ?? [])])}${moved}`;
}
