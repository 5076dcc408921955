import type { CostGroup, CostRow } from '../types.js';

/** Token columns in display order, shared by every renderer. */
export const TOKEN_COLUMNS = [
  ['input', 'inputTokens'],
  ['cached', 'cacheReadTokens'],
  ['output', 'outputTokens'],
  ['reasoning', 'reasoningTokens'],
] as const satisfies readonly (readonly [string, keyof CostRow & keyof CostGroup])[];

/** USD for tables: tiny per-call costs keep their significant digits. */
export function usd(value: number | null): string {
  if (value === null) return '?';
  if (value === 0) return '$0';
  if (value < 0.01) return `$${value.toFixed(8).replace(/0+$/, '').replace(/\.$/, '')}`;
  return `$${value.toFixed(4)}`;
}

/** The tail of a long path, so columns stay narrow: `…/cassettes/test_x.yaml`. */
export function shortPath(path: string, max = 48): string {
  if (path.length <= max) return path;
  const tail = path.slice(path.length - max + 1);
  const slash = tail.indexOf('/');
  return `…${slash > 0 && slash < 20 ? tail.slice(slash) : tail}`;
}

/** A sum's cost: `?` when nothing in it has a known cost, `+?` when some parts are unknown. */
export function groupUsd(g: CostGroup): string {
  if (g.interactions > 0 && g.unknown === g.interactions) return '?';
  return `${usd(g.cost)}${g.unknown > 0 ? '+?' : ''}`;
}

export function sourceText(row: CostRow): string {
  return row.costSource === 'unknown' ? `unknown: ${row.reason ?? ''}` : row.costSource;
}
