import { headline } from '../summary.js';
import type { CassetteDiff, SideDiff } from '../types.js';

const side = (s: SideDiff | undefined) => (s ? { summary: s.summary, changes: s.changes } : null);

/** `--json`: the pairs, their summaries and JSON-path changes, order changes, noise and totals. */
export function diffJsonValue(diff: CassetteDiff): unknown {
  return {
    before: diff.before,
    after: diff.after,
    mode: diff.mode,
    different: diff.different,
    orderChanged: diff.orderChanged ?? false,
    totals: diff.totals ?? null,
    interactions: diff.interactions.map((d) => ({
      before: d.before ?? null,
      after: d.after ?? null,
      label: d.label,
      status: d.status,
      moved: d.moved ?? false,
      description: d.description ?? null,
      headline: headline([...(d.request?.summary ?? []), ...(d.response?.summary ?? [])]),
      request: side(d.request),
      response: side(d.response),
      noise: d.noise ?? [],
    })),
  };
}
