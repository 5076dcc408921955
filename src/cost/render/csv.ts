import { LOCAL_PRICED_AS, type CostReport } from '../types.js';

const HEAD = ['cassette', 'index', 'provider', 'model', 'input', 'cached', 'cache_write', 'output', 'reasoning', 'cost_usd', 'source', 'list_price_usd', 'reason'];

// RFC 4180: quote fields holding a comma, quote or newline; a leading =+-@ is prefixed so a
// spreadsheet never runs a formula from a cassette.
function field(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per interaction, for spreadsheets. */
export function renderCostCsv(report: CostReport): string {
  const lines = [HEAD.join(',')];
  for (const r of report.rows) {
    lines.push([r.path, r.index, r.provider, r.model, r.inputTokens, r.cacheReadTokens, r.cacheWriteTokens, r.outputTokens, r.reasoningTokens, r.cost, r.costSource, r.estimate, r.reason ?? (r.pricedAs === LOCAL_PRICED_AS ? LOCAL_PRICED_AS : undefined)].map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
