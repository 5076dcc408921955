import type { Interaction } from '../model/types.js';

function key(i: Interaction): string {
  let path = i.request.url;
  try {
    const url = new URL(i.request.url);
    path = `${url.host}${url.pathname}`;
  } catch {
    // keep the raw URL
  }
  return `${i.request.method} ${path}`;
}

/** Shared lines over all lines of two bodies: cheap, and good enough to tell conversations apart. */
function similarity(a: Interaction, b: Interaction): number {
  const ta = a.request.body.text ?? '';
  const tb = b.request.body.text ?? '';
  if (ta === tb) return 1;
  const tokens = (t: string) => new Set(t.split(/[\s,{}[\]":]+/).filter(Boolean));
  const sa = tokens(ta);
  const sb = tokens(tb);
  let common = 0;
  for (const t of sa) if (sb.has(t)) common++;
  return common / Math.max(1, sa.size + sb.size - common);
}

/**
 * Pair interactions of two cassettes: by position when the counts match, otherwise by an
 * alignment that keeps order and maximises method+URL matches weighted by request-body similarity.
 * Unpaired entries come back with `undefined` on the missing side (added or removed).
 */
export function pairInteractions(before: readonly Interaction[], after: readonly Interaction[]): [number | undefined, number | undefined][] {
  if (before.length === after.length) return before.map((_, i) => [i, i]);
  const n = before.length;
  const m = after.length;
  const score = (i: number, j: number) => (key(before[i]!) === key(after[j]!) ? 1 + similarity(before[i]!, after[j]!) : 0);
  // best[i][j]: best total score aligning before[i..] with after[j..].
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s > 0 ? s + best[i + 1]![j + 1]! : 0);
    }
  }
  const out: [number | undefined, number | undefined][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = score(i, j);
    if (s > 0 && best[i]![j] === s + best[i + 1]![j + 1]!) out.push([i++, j++]);
    else if (best[i + 1]![j]! >= best[i]![j + 1]!) out.push([i++, undefined]);
    else out.push([undefined, j++]);
  }
  while (i < n) out.push([i++, undefined]);
  while (j < m) out.push([undefined, j++]);
  return out;
}
