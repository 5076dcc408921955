import type { BudgetResult, CostGroup, CostReport, CostRow, GroupBy } from './types.js';

export function emptyGroup(key: string): CostGroup {
  return { key, interactions: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, cost: 0, unknown: 0, recorded: 0, estimated: 0 };
}

export function addRow(group: CostGroup, row: CostRow): void {
  group.interactions++;
  group.inputTokens += row.inputTokens;
  group.outputTokens += row.outputTokens;
  group.cacheReadTokens += row.cacheReadTokens;
  group.cacheWriteTokens += row.cacheWriteTokens;
  group.reasoningTokens += row.reasoningTokens;
  if (row.cost === null) group.unknown++;
  else {
    group.cost += row.cost;
    if (row.costSource === 'recorded') group.recorded++;
    else group.estimated++;
  }
}

const KEY: Record<GroupBy, (row: CostRow) => string> = {
  model: (row) => row.model ?? '(unknown model)',
  provider: (row) => row.provider,
  cassette: (row) => row.path,
};

/** Sum rows by a key, most expensive first. */
export function groupRows(rows: readonly CostRow[], by: GroupBy): CostGroup[] {
  const groups = new Map<string, CostGroup>();
  for (const row of rows) {
    const key = KEY[by](row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = emptyGroup(key)));
    addRow(group, row);
  }
  const list = [...groups.values()];
  return by === 'cassette' ? list : list.sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));
}

export interface Budget {
  maxCost?: number | undefined;
  maxTokens?: number | undefined;
}

/** The whole report: rows, per-cassette subtotals, an optional rollup, the total and budget checks. */
export function buildCostReport(rows: CostRow[], options: { by?: GroupBy | undefined; budget?: Budget | undefined } = {}): CostReport {
  const total = emptyGroup('total');
  for (const row of rows) addRow(total, row);
  const budget: BudgetResult[] = [];
  const { maxCost, maxTokens } = options.budget ?? {};
  if (maxCost !== undefined) budget.push({ limit: 'max-cost', value: total.cost, max: maxCost, exceeded: total.cost > maxCost, unknown: total.unknown, checked: total.unknown < total.interactions || total.interactions === 0 });
  if (maxTokens !== undefined) {
    const tokens = total.inputTokens + total.outputTokens;
    budget.push({ limit: 'max-tokens', value: tokens, max: maxTokens, exceeded: tokens > maxTokens, unknown: 0, checked: true });
  }
  return {
    rows,
    cassettes: groupRows(rows, 'cassette'),
    groups: options.by ? { by: options.by, groups: groupRows(rows, options.by) } : undefined,
    total,
    budget,
  };
}
