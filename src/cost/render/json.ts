import { roundUsd as round } from '../../render/format.js';
import type { CostGroup, CostReport } from '../types.js';

export interface FileErrorLike {
  path: string;
  message: string;
}

const group = (g: CostGroup) => ({
  interactions: g.interactions,
  inputTokens: g.inputTokens,
  outputTokens: g.outputTokens,
  cacheReadTokens: g.cacheReadTokens,
  cacheWriteTokens: g.cacheWriteTokens,
  reasoningTokens: g.reasoningTokens,
  cost: round(g.cost),
  recorded: g.recorded,
  estimated: g.estimated,
  unknown: g.unknown,
});

/** The `--json` contract: `total`, `interactions`, `cassettes`, optional `groups`, `budget`, `errors`. */
export function renderCostJson(report: CostReport, errors: readonly FileErrorLike[]): string {
  return `${JSON.stringify(
    {
      total: group(report.total),
      interactions: report.rows.map((r) => ({
        path: r.path,
        index: r.index,
        provider: r.provider,
        model: r.model ?? null,
        inputTokens: r.inputTokens,
        outputTokens: r.outputTokens,
        cacheReadTokens: r.cacheReadTokens,
        cacheWriteTokens: r.cacheWriteTokens,
        reasoningTokens: r.reasoningTokens,
        cost: round(r.cost),
        costSource: r.costSource,
        estimate: round(r.estimate),
        pricedAs: r.pricedAs ?? null,
        note: r.note ?? null,
        pricedAt: r.pricedAt ?? null,
        reason: r.reason ?? null,
      })),
      cassettes: report.cassettes.map((c) => ({ path: c.key, ...group(c) })),
      ...(report.groups ? { groups: { by: report.groups.by, groups: report.groups.groups.map((g) => ({ key: g.key, ...group(g) })) } } : {}),
      budget: report.budget,
      errors,
    },
    null,
    2,
  )}\n`;
}
