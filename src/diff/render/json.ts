import { roundUsd } from '../../render/format.js';
import { headline } from '../summary.js';
import type { CassetteDiff, SideDiff, SideTotals } from '../types.js';

const side = (s: SideDiff | undefined) => (s ? { summary: s.summary, changes: s.changes } : null);

/** Totals with their cost rounded as `cost --json` rounds it (a sum of floats picks up noise). */
export function totalsJson<T extends { before: SideTotals; after: SideTotals }>(totals: T): T {
  return { ...totals, before: { ...totals.before, cost: roundUsd(totals.before.cost) }, after: { ...totals.after, cost: roundUsd(totals.after.cost) } };
}

/** `--json`: the pairs, their summaries and JSON-path changes, order changes, noise and totals. */
export function diffJsonValue(diff: CassetteDiff): unknown {
  return {
    before: diff.before,
    after: diff.after,
    mode: diff.mode,
    different: diff.different,
    orderChanged: diff.orderChanged ?? false,
    totals: diff.totals ? totalsJson(diff.totals) : null,
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
