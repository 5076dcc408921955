import type { Side } from './side.js';
import type { DiffOptions, SideTotals } from './types.js';

/** Tokens and cost of one cassette's responses; cost is null when no interaction had a known cost. */
export function sideTotals(sides: readonly Pick<Side, 'interaction' | 'llm'>[], options: DiffOptions): SideTotals {
  const totals: SideTotals = { inputTokens: 0, outputTokens: 0, cost: null };
  for (const side of sides) {
    const usage = side.llm?.response?.usage;
    totals.inputTokens += usage?.inputTokens ?? 0;
    totals.outputTokens += usage?.outputTokens ?? 0;
    const cost = side.llm ? (options.costOf?.({ interaction: side.interaction, llm: side.llm }) ?? usage?.cost ?? null) : null;
    if (cost !== null) totals.cost = (totals.cost ?? 0) + cost;
  }
  return totals;
}
