import { costRow } from '../cost/collect.js';
import type { PriceTable } from '../cost/price-table.js';
import { addRow, emptyGroup } from '../cost/rollup.js';
import type { CostGroup, CostRow } from '../cost/types.js';
import { lintCassette, type RuleSetting } from '../lint/engine.js';
import type { Finding, Rule } from '../lint/types.js';
import type { Cassette } from '../model/types.js';
import { buildShowReport, type ShowOptions, type ShowReport } from './build.js';

/** One cassette as `show --html` draws it: the reassembled calls, their cost and the lint findings. */
export interface HtmlCassetteReport {
  show: ShowReport;
  /** Cost of each LLM interaction, by interaction index (plain HTTP calls have none). */
  costs: ReadonlyMap<number, CostRow>;
  /** Tokens and USD summed over the shown interactions. */
  total: CostGroup;
  /** Lint findings at the rules' default severities, sorted by position. */
  findings: Finding[];
}

/** What the page shows: every cassette, and the files that could not be read. */
export interface HtmlReport {
  cassettes: HtmlCassetteReport[];
  errors: { path: string; message: string }[];
}

export interface HtmlCassetteOptions extends ShowOptions {
  prices: PriceTable;
  rules: readonly Rule[];
  /** Rule severities and options; rules not listed keep their default. */
  ruleSettings?: ReadonlyMap<string, RuleSetting> | undefined;
  /** Size of the file as stored, in bytes (for the file-size rule). */
  fileSize: number;
}

/** Reassemble, cost and lint one cassette, reusing the `show`, `cost` and `lint` cores. */
export function buildHtmlCassette(cassette: Cassette, options: HtmlCassetteOptions): HtmlCassetteReport {
  const show = buildShowReport(cassette, options);
  const costs = new Map<number, CostRow>();
  const total = emptyGroup(cassette.path);
  for (const shown of show.interactions) {
    if (!shown.llm) continue;
    const row = costRow(cassette.path, shown.interaction, shown.llm, options.prices);
    costs.set(shown.interaction.index, row);
    addRow(total, row);
  }
  const only = options.only;
  const findings = lintCassette(cassette, options.rules, options.ruleSettings ?? new Map(), options.fileSize, options.provider).filter(
    (f) => !only || f.interaction === undefined || only.has(f.interaction),
  );
  return { show, costs, total, findings };
}
