import { groupDigits } from '../../text/group-digits.js';
import { count } from '../../text/plural.js';
import type { CostReport } from '../types.js';
import { TOKEN_COLUMNS, budgetText, groupUsd, shortPath, sourceText, usd } from './shared.js';

// Cassette text goes into a PR comment: escape what Markdown tables and HTML would interpret.
const cell = (text: string) => text.replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
const n = groupDigits;

/** A pull-request comment: totals first, then the rollup, then each call in a collapsed section. */
export function renderCostMarkdown(report: CostReport): string {
  const t = report.total;
  const out = [
    `### LLM cost: ${t.unknown > 0 && t.unknown === t.interactions ? 'unknown' : `${usd(t.cost)}${t.unknown > 0 ? ` (+ ${t.unknown} unknown)` : ''}`}`,
    '',
    `${count(t.interactions, 'call')} · ${n(t.inputTokens)} input (${n(t.cacheReadTokens)} cached) · ${n(t.outputTokens)} output (${n(t.reasoningTokens)} reasoning) tokens · ${t.recorded} recorded, ${t.estimated} estimated`,
    '',
  ];
  for (const b of report.budget) {
    const { state } = budgetText(b, usd);
    out.push(state === 'over' ? `:x: over budget \`--${b.limit} ${b.max}\`` : state === 'unchecked' ? `:warning: budget \`--${b.limit} ${b.max}\` could not be checked: every cost is unknown` : `:white_check_mark: within budget \`--${b.limit} ${b.max}\``, '');
  }
  const groups = report.groups?.groups ?? report.cassettes;
  const by = report.groups?.by ?? 'cassette';
  out.push(`| ${by} | calls | ${TOKEN_COLUMNS.map(([h]) => h).join(' | ')} | cost |`, `|---|--:|${TOKEN_COLUMNS.map(() => '--:').join('|')}|--:|`);
  for (const g of groups) out.push(`| ${cell(by === 'cassette' ? shortPath(g.key) : g.key)} | ${g.interactions} | ${TOKEN_COLUMNS.map(([, k]) => n(g[k])).join(' | ')} | ${groupUsd(g)} |`);
  out.push('', '<details><summary>Each call</summary>', '', `| cassette | # | provider | model | ${TOKEN_COLUMNS.map(([h]) => h).join(' | ')} | cost | source |`, `|---|--:|---|---|${TOKEN_COLUMNS.map(() => '--:').join('|')}|--:|---|`);
  for (const r of report.rows) {
    out.push(`| ${cell(shortPath(r.path))} | ${r.index} | ${r.provider} | ${cell(r.model ?? '?')} | ${TOKEN_COLUMNS.map(([, k]) => n(r[k])).join(' | ')} | ${usd(r.cost)} | ${cell(sourceText(r))} |`);
  }
  out.push('', '</details>', '');
  return out.join('\n');
}
