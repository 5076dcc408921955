import { roundUsd } from '../../render/format.js';
import { LOCAL_PRICED_AS, type CostReport } from '../types.js';

const HEAD = ['cassette', 'index', 'provider', 'model', 'input', 'cached', 'cache_write', 'output', 'reasoning', 'cost_usd', 'source', 'list_price_usd', 'reason'];

// RFC 4180: quote fields holding a comma, quote or newline; a leading =+-@ is prefixed so a
// spreadsheet never runs a formula from a cassette.
function field(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * USD as a plain decimal, rounded to 12 places as `--json` rounds: `String(7.5e-7)` is `7.5e-7`,
 * which spreadsheets read as text or in scientific notation.
 */
function usd(value: number | null | undefined): string | undefined {
  if (typeof value !== 'number') return undefined;
  const rounded = roundUsd(value);
  return Math.abs(rounded) < 1e-6 && rounded !== 0 ? rounded.toFixed(12).replace(/0+$/, '') : String(rounded);
}

/** One line per interaction, for spreadsheets. */
export function renderCostCsv(report: CostReport): string {
  const lines = [HEAD.join(',')];
  for (const r of report.rows) {
    lines.push([r.path, r.index, r.provider, r.model, r.inputTokens, r.cacheReadTokens, r.cacheWriteTokens, r.outputTokens, r.reasoningTokens, usd(r.cost), r.costSource, usd(r.estimate), r.reason ?? (r.pricedAs === LOCAL_PRICED_AS ? LOCAL_PRICED_AS : undefined)].map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
