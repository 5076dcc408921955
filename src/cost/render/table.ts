import type { Palette } from '../../render/palette.js';
import { renderTable, wrap, type TableCell, type TableColumn, type TableRow } from '../../render/table.js';
import { groupDigits } from '../../text/group-digits.js';
import { count } from '../../text/plural.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { CostGroup, CostReport, CostRow } from '../types.js';
import { TOKEN_COLUMNS, budgetText, groupUsd, sourceText, usd } from './shared.js';

const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` cells for a share between 0 and 1, in eighths of a cell. */
export function bar(share: number, width = 10): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + BLOCKS[eighths % 8];
}

export interface CostTableOptions {
  /**
   * Terminal columns to fit (undefined: natural widths, for a pipe or a file). The free-text
   * `source` column wraps first (squeezed under 20 columns, its reason continues below the row),
   * then all-zero token columns, the bar and `list price` are left out, and model names are
   * shortened last; cassette paths are lines of their own, never cut in a pipe.
   */
  width?: number | undefined;
}

const n = groupDigits;
const paint = (text: string, fn: (t: string) => string): TableCell => ({ text, paint: fn });

/** Token columns that are all zero can go first: they say nothing. */
function tokenColumns(report: CostReport): TableColumn[] {
  return TOKEN_COLUMNS.map(([header, key]) => ({ header, align: 'right', drop: report.total[key] === 0 ? 0 : key === 'reasoningTokens' ? 4 : key === 'cacheReadTokens' ? 5 : undefined }));
}

function shareCells(cost: number | null, total: number, p: Palette): TableCell[] {
  if (cost === null || total <= 0) return ['', ''];
  const s = cost / total;
  return [paint(bar(s), p.cyan), `${Math.round(s * 100)}%`];
}

// The columns the table needs at the least, share included: narrower, the percentage goes too, after
// the bar (the cost column still says it), while wider tables shorten model names before dropping it.
const SHARE_MIN_WIDTH = 66;

const share = (width: number | undefined): TableColumn[] => [
  { header: '', drop: 2 },
  { header: 'share', align: 'right', drop: width !== undefined && width < SHARE_MIN_WIDTH ? 7 : undefined },
];

/** The human view: rows grouped under each cassette's path, subtotals, a rollup and the total. */
export function renderCostTable(report: CostReport, p: Palette, options: CostTableOptions = {}): string {
  const total = report.total.cost;
  const withList = report.rows.some((r) => r.costSource === 'recorded' && r.estimate !== null);
  const columns: TableColumn[] = [
    { header: '#', align: 'right' },
    { header: 'provider', fit: 'name', min: 8, drop: 6 },
    { header: 'model', fit: 'name', min: 8 },
    ...tokenColumns(report),
    { header: 'cost', align: 'right' },
    ...(withList ? [{ header: 'list price', align: 'right', drop: 3 } as TableColumn] : []),
    ...share(options.width),
    // As narrow as `estimated`: a longer reason wraps below.
    { header: 'source', fit: 'text', min: 9 },
  ];
  const sums = (label: TableCell, g: CostGroup): TableCell[] => ['', '', label, ...TOKEN_COLUMNS.map(([, key]) => paint(n(g[key]), p.bold)), paint(groupUsd(g), p.bold)];
  const rows: TableRow[] = [];
  // Rows in report order, grouped by cassette in one pass (no per-cassette filter: linear in rows).
  const byPath = new Map<string, CostRow[]>();
  for (const row of report.rows) {
    const list = byPath.get(row.path);
    if (list) list.push(row);
    else byPath.set(row.path, [row]);
  }
  const many = report.cassettes.length > 1;
  for (const cassette of report.cassettes) {
    rows.push({ line: sanitizeLine(cassette.key), keep: 'end', paint: p.bold });
    for (const row of byPath.get(cassette.key) ?? []) rows.push(rowCells(row, withList, total, p));
    if (many) rows.push(sums(paint('subtotal', p.dim), cassette));
  }
  rows.push(sums(paint('total', p.bold), report.total));
  const out = renderTable(columns, rows, { width: options.width, header: p.bold });
  if (report.groups) {
    const groupColumns: TableColumn[] = [
      { header: `by ${report.groups.by}`, fit: 'name', keep: report.groups.by === 'cassette' ? 'end' : 'start', min: 16 },
      { header: 'calls', align: 'right' },
      ...tokenColumns(report),
      { header: 'cost', align: 'right' },
      ...share(options.width),
    ];
    const groupRows = report.groups.groups.map((g) => [paint(sanitizeLine(g.key), p.bold), n(g.interactions), ...TOKEN_COLUMNS.map(([, key]) => paint(n(g[key]), p.bold)), paint(groupUsd(g), p.bold), ...shareCells(g.cost, total, p)]);
    out.push('', ...renderTable(groupColumns, groupRows, { width: options.width, header: p.bold }));
  }
  const unknown = report.rows.filter((r) => r.costSource === 'unknown');
  const summary = `${count(report.total.interactions, 'LLM call')}: ${report.total.recorded} recorded, ${report.total.estimated} estimated, ${unknown.length} unknown · total ${unknown.length > 0 && unknown.length === report.total.interactions ? '?' : usd(total)}${unknown.length > 0 && unknown.length < report.total.interactions ? ' (unknown costs not included)' : ''}`;
  // A narrow terminal gets the summary on two lines (or more) rather than one that wraps mid-word.
  const fitted = (text: string) => (options.width === undefined ? [text] : wrap(text, options.width));
  out.push('', ...(options.width !== undefined && summary.length > options.width ? summary.split(' · ').flatMap(fitted) : [summary]));
  for (const b of report.budget) {
    const { text, state } = budgetText(b, b.limit === 'max-cost' ? usd : n);
    out.push(...fitted(text).map(state === 'over' ? p.red : state === 'unchecked' ? p.yellow : p.green));
  }
  return `${out.join('\n')}\n`;
}

function rowCells(row: CostRow, withList: boolean, total: number, p: Palette): TableCell[] {
  const source = row.costSource === 'recorded' ? paint('recorded', p.green) : row.costSource === 'estimated' ? paint(sourceText(row), p.yellow) : paint(sanitizeLine(sourceText(row)), p.red);
  return [
    String(row.index),
    row.provider,
    sanitizeLine(row.model ?? '?'),
    ...TOKEN_COLUMNS.map(([, key]) => n(row[key])),
    usd(row.cost),
    ...(withList ? [row.costSource === 'recorded' && row.estimate !== null ? paint(usd(row.estimate), p.dim) : ''] : []),
    ...shareCells(row.cost, total, p),
    source,
  ];
}
