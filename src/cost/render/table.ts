import { count } from '../../text/plural.js';
import Table from 'cli-table3';
import type { Palette } from '../../render/palette.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { CostGroup, CostReport, CostRow } from '../types.js';
import { TOKEN_COLUMNS, groupUsd, shortPath, sourceText, usd } from './shared.js';

const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` cells for a share between 0 and 1, in eighths of a cell. */
export function bar(share: number, width = 10): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + BLOCKS[eighths % 8];
}

const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

function table(head: string[], aligns: ('left' | 'right')[], p: Palette): Table.Table {
  return new Table({ head: head.map((h) => p.bold(h)), chars: BORDERLESS, style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 }, colAligns: aligns });
}

const n = (value: number) => value.toLocaleString('en-US');

function share(cost: number | null, total: number, p: Palette): string {
  if (cost === null || total <= 0) return '';
  const s = cost / total;
  return `${p.cyan(bar(s).padEnd(10))} ${`${Math.round(s * 100)}%`.padStart(4)}`;
}

function groupCells(label: string, g: CostGroup, p: Palette): string[] {
  return [p.bold(label), ...TOKEN_COLUMNS.map(([, key]) => p.bold(n(g[key]))), p.bold(groupUsd(g))];
}

export interface CostTableOptions {
  /** Terminal columns to fit: long paths, then long model names, are shortened to fit. */
  width?: number | undefined;
}

interface Widths {
  path: number;
  model: number;
}

const FULL = 48;
const NARROWEST = 20;

/** The human view: one row per interaction with a cost-share bar, subtotals, a rollup and the total. */
export function renderCostTable(report: CostReport, p: Palette, options: CostTableOptions = {}): string {
  const longest = (texts: string[]) => Math.max(NARROWEST, ...texts.map((t) => t.length));
  const models = [...report.rows.map((r) => r.model ?? '?'), ...(report.groups?.groups.map((g) => g.key) ?? [])];
  // Paths always keep their tail only past FULL; model names are cut only to fit a width.
  const w: Widths = { path: Math.min(FULL, longest(report.rows.map((r) => r.path))), model: longest(models) };
  let text = renderAt(report, p, w);
  // Each pass takes the excess from the path column first, then from the model column.
  for (let pass = 0; pass < 4 && options.width; pass++) {
    const over = widest(text) - options.width;
    if (over <= 0 || (w.path === NARROWEST && w.model === NARROWEST)) break;
    const fromPath = Math.min(over, w.path - NARROWEST);
    w.path -= fromPath;
    w.model = Math.max(NARROWEST, w.model - (over - fromPath));
    text = renderAt(report, p, w);
  }
  return text;
}

const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').length));

/** A name cut to `max` characters, keeping its start. */
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function renderAt(report: CostReport, p: Palette, w: Widths): string {
  const total = report.total.cost;
  const withList = report.rows.some((r) => r.costSource === 'recorded' && r.estimate !== null);
  const head = ['cassette', '#', 'provider', 'model', ...TOKEN_COLUMNS.map(([h]) => h), 'cost', ...(withList ? ['list price'] : []), 'source', 'share'];
  const aligns = ['left', 'right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', ...(withList ? ['right'] : []), 'left', 'left'] as ('left' | 'right')[];
  const t = table(head, aligns, p);
  const many = report.cassettes.length > 1;
  const emptyTail = (count: number) => Array<string>(count).fill('');
  for (const cassette of report.cassettes) {
    for (const row of report.rows.filter((r) => r.path === cassette.key)) t.push(rowCells(row, withList, total, p, w));
    if (many) t.push(['', '', '', p.dim('subtotal'), ...groupCells('', cassette, p).slice(1), ...emptyTail(withList ? 3 : 2)]);
  }
  t.push(['', '', '', p.bold('total'), ...groupCells('', report.total, p).slice(1), ...emptyTail(withList ? 3 : 2)]);
  const out = [trimEnds(t.toString())];
  if (report.groups) {
    const g = table([`by ${report.groups.by}`, 'calls', ...TOKEN_COLUMNS.map(([h]) => h), 'cost', 'share'], ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'], p);
    for (const group of report.groups.groups) {
      const label = report.groups.by === 'cassette' ? shortPath(group.key, w.path) : cut(group.key, w.model);
      const cells = groupCells(sanitizeLine(label), group, p);
      g.push([cells[0]!, n(group.interactions), ...cells.slice(1), share(group.cost, total, p)]);
    }
    out.push('', trimEnds(g.toString()));
  }
  const unknown = report.rows.filter((r) => r.costSource === 'unknown');
  const summary = `${count(report.total.interactions, 'LLM call')}: ${report.total.recorded} recorded, ${report.total.estimated} estimated, ${unknown.length} unknown · total ${unknown.length > 0 && unknown.length === report.total.interactions ? '?' : usd(total)}${unknown.length > 0 && unknown.length < report.total.interactions ? ' (unknown costs not included)' : ''}`;
  out.push('', summary);
  for (const b of report.budget) {
    const value = b.limit === 'max-cost' ? usd(b.value) : n(b.value);
    const max = b.limit === 'max-cost' ? usd(b.max) : n(b.max);
    out.push(b.exceeded ? p.red(`over budget: --${b.limit} ${max}, total ${value}`) : p.green(`within budget: --${b.limit} ${max}, total ${value}`));
  }
  return `${out.join('\n')}\n`;
}

const trimEnds = (text: string) => text.replace(/[ \t]+$/gm, '');

function rowCells(row: CostRow, withList: boolean, total: number, p: Palette, w: Widths): string[] {
  const source = row.costSource === 'recorded' ? p.green('recorded') : row.costSource === 'estimated' ? p.yellow('estimated') : p.red(sanitizeLine(sourceText(row)));
  return [
    sanitizeLine(shortPath(row.path, w.path)),
    String(row.index),
    row.provider,
    sanitizeLine(cut(row.model ?? '?', w.model)),
    ...TOKEN_COLUMNS.map(([, key]) => n(row[key])),
    usd(row.cost),
    ...(withList ? [row.costSource === 'recorded' && row.estimate !== null ? p.dim(usd(row.estimate)) : ''] : []),
    source,
    share(row.cost, total, p),
  ];
}
