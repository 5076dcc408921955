import { formatUsd } from '../../render/format.js';
import { count } from '../../text/plural.js';
import { LOCAL_PRICED_AS, type BudgetResult, type CostGroup, type CostRow } from '../types.js';

/** Token columns in display order, shared by every renderer. */
export const TOKEN_COLUMNS = [
  ['input', 'inputTokens'],
  ['cached', 'cacheReadTokens'],
  ['output', 'outputTokens'],
  ['reasoning', 'reasoningTokens'],
] as const satisfies readonly (readonly [string, keyof CostRow & keyof CostGroup])[];

/** USD for tables: {@link formatUsd}, and `?` for a cost that is not known. */
export function usd(value: number | null): string {
  return value === null ? '?' : formatUsd(value);
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

/** The `source` cell: `recorded`, `estimated`, `local (no API charge)` or `unknown: <reason>`. */
export function sourceText(row: CostRow): string {
  if (row.costSource === 'estimated' && row.pricedAs === LOCAL_PRICED_AS) return LOCAL_PRICED_AS;
  return row.costSource === 'unknown' ? `unknown: ${row.reason ?? ''}` : row.costSource;
}

/**
 * The budget line for people: a `--max-cost` that unknown costs leave unchecked says so, rather
 * than "within budget" under a total of `?`.
 */
export function budgetText(b: BudgetResult, format: (value: number) => string): { text: string; state: 'over' | 'within' | 'unchecked' } {
  const head = `--${b.limit} ${format(b.max)}, total ${format(b.value)}`;
  const unknown = b.unknown > 0 ? ` (${count(b.unknown, 'unknown cost')} not included)` : '';
  if (b.exceeded) return { text: `over budget: ${head}${unknown}`, state: 'over' };
  if (!b.checked) return { text: `budget could not be checked: --${b.limit} ${format(b.max)}, every cost is unknown (${count(b.unknown, 'call')})`, state: 'unchecked' };
  return { text: `within budget: ${head}${unknown}`, state: 'within' };
}
