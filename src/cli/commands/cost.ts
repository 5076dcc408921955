import { costRows as collectRows } from '../../cost/collect.js';
import { customPriceTable, parsePriceFile } from '../../cost/custom-prices.js';
import { genaiPrices } from '../../cost/genai-prices.js';
import { chainTables, type PriceTable } from '../../cost/price-table.js';
import { rememberPrices } from '../../cost/remembered-prices.js';
import { buildCostReport } from '../../cost/rollup.js';
import type { CostRow, GroupBy } from '../../cost/types.js';
import { exitCodeFor } from '../../exit-code.js';
import { UsageError } from '../../model/errors.js';
import { readOptionText } from '../inputs.js';
import { openCassette, type CassetteStream } from '../../load.js';
import { BrokeMidway, untilBroken, type FileWork } from '../file-work.js';
import { forEachFile, reportInputs } from '../load-files.js';
import { checkProviderFlag } from '../provider-flag.js';
import { outputColumns, paletteFor, useColor, writeOut } from '../terminal.js';

export interface CostFlags {
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
  by?: string;
  maxCost?: string;
  maxTokens?: string;
  priceFile?: string;
  format?: string;
  provider?: string;
  color?: boolean;
}

const GROUPS: readonly GroupBy[] = ['model', 'provider', 'cassette'];

// A decimal number as written (`0.05`, `$0.05`, `1e3`): `Number` would read an empty or blank value, as
// an unset variable gives (`--max-cost "$BUDGET"`), as 0, and `0x10` as 16.
const DECIMAL = /^\$?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function limit(value: string | undefined, flag: string, whole = false): number | undefined {
  if (value === undefined) return undefined;
  const n = DECIMAL.test(value) ? Number(value.replace(/^\$/, '')) : NaN;
  if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) throw new UsageError(`${flag} needs a ${whole ? 'whole' : 'non-negative'} number, got "${value}"`);
  return n;
}

export async function costCommand(paths: string[], flags: CostFlags): Promise<void> {
  if (flags.by !== undefined && !GROUPS.includes(flags.by as GroupBy)) throw new UsageError(`--by must be one of ${GROUPS.join(', ')}`);
  if ([flags.json, flags.csv, flags.markdown].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --csv, --markdown');
  checkProviderFlag(flags.provider);
  const budget = { maxCost: limit(flags.maxCost, '--max-cost'), maxTokens: limit(flags.maxTokens, '--max-tokens', true) };
  let priceFile: CostWorkOptions['priceFile'];
  if (flags.priceFile) {
    let text: string;
    try {
      text = readOptionText(flags.priceFile, '--price-file', paths);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${flags.priceFile}: cannot read price file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    parsePriceFile(text, flags.priceFile); // a bad price file is a usage error before any cassette is read
    priceFile = { text, path: flags.priceFile };
  }
  const rows: CostRow[] = [];
  const options: CostWorkOptions = { priceFile, provider: flags.provider, format: flags.format };
  let read = 0;
  const outcome = await forEachFile<CostRow[]>(paths, { label: 'cost', namedNonCassette: 'error' }, { name: 'cost', options }, (fileRows) => {
    read++;
    for (const row of fileRows) rows.push(row);
  });
  const report = buildCostReport(rows, { by: flags.by as GroupBy | undefined, budget });
  const { errors } = outcome;
  // Only the renderer asked for is loaded: the table's width measuring (string-width) costs start-up.
  // Nothing could be read: the errors say so; an empty table with `total $0` would say otherwise (`show` prints nothing either).
  const nothingRead = read === 0 && errors.length > 0;
  if (flags.json) writeOut((await import('../../cost/render/json.js')).renderCostJson(report, errors));
  else if (!nothingRead) {
    if (flags.csv) writeOut((await import('../../cost/render/csv.js')).renderCostCsv(report));
    else if (flags.markdown) writeOut((await import('../../cost/render/markdown.js')).renderCostMarkdown(report));
    else writeOut((await import('../../cost/render/table.js')).renderCostTable(report, paletteFor(useColor(flags)), { width: outputColumns() }));
  }
  reportInputs(outcome);
  const over = report.budget.filter((b) => b.exceeded).length;
  process.exitCode = exitCodeFor({ inputErrors: errors.length, findings: over });
}

/** What `cost` does to one file, as plain options (see src/cli/jobs.ts). */
export interface CostWorkOptions {
  /** A `--price-file`, already read and checked. */
  priceFile: { text: string; path: string } | undefined;
  provider: string | undefined;
  format: string | undefined;
}

/** One cassette's cost rows, priced from the bundled list prices and the price file. */
export function costWork(o: CostWorkOptions): FileWork<CassetteStream, CostRow[]> {
  const table: PriceTable = o.priceFile ? chainTables([customPriceTable(parsePriceFile(o.priceFile.text, o.priceFile.path)), genaiPrices]) : genaiPrices;
  // genai-prices matches the model anew on every call: a file that repeats a call prices it once.
  const prices = rememberPrices(table);
  return {
    rereads: true,
    load: (bytes, file, reread) => openCassette(bytes, file.path, { format: o.format, reread }),
    process: (stream) => {
      const read = untilBroken(stream.interactions());
      const rows = collectRows(stream.cassette, { provider: o.provider, prices }, read.items);
      // A file cut midway: the calls before the break are costed, and the break is the file's error.
      if (read.broken() !== undefined) throw new BrokeMidway(read.broken(), rows);
      return rows;
    },
  };
}
