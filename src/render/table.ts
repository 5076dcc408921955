import stringWidth from 'string-width';

/**
 * How a column gives up room when the table is wider than the terminal: `text` (free text such as
 * a reason) wraps onto more lines first, very long `name` columns (paths, model names) give up what
 * is past `comfortable`, then `drop` columns are left out (lowest first), and only then are names
 * shortened further; `fixed` columns (numbers) never change.
 */
export interface TableColumn {
  header: string;
  align?: 'left' | 'right' | undefined;
  fit?: 'fixed' | 'name' | 'text' | undefined;
  /** For `name`: keep the start (model names) or the end (paths) when shortened. */
  keep?: 'start' | 'end' | undefined;
  /** Narrowest a `name` or `text` column gets (default 12). */
  min?: number | undefined;
  /** For `name`: shortened to this many columns (default 32) before any column is left out. */
  comfortable?: number | undefined;
  /** Left out when the table does not fit otherwise; lower numbers go first. */
  drop?: number | undefined;
}

/** A cell: plain text, or text with a paint (colour) applied after layout so widths stay right. */
export type TableCell = string | { text: string; paint: (text: string) => string };

/** A row of cells, or a line of its own across the table (a group header such as a file path). */
export type TableRow = TableCell[] | { line: string; keep?: 'start' | 'end'; paint?: (text: string) => string };

export interface TableOptions {
  /** Columns to fit; undefined: every column at its natural width (a pipe, a file). */
  width?: number | undefined;
  /** Paint for the header cells. */
  header?: ((text: string) => string) | undefined;
  gap?: number | undefined;
}

const textOf = (cell: TableCell | undefined) => (cell === undefined ? '' : typeof cell === 'string' ? cell : cell.text);
const paintOf = (cell: TableCell | undefined) => (cell === undefined || typeof cell === 'string' ? (t: string) => t : cell.paint);

/** Glyphs our renderers draw (bars, arrows, ellipsis, middle dot, ticks); each is one column and its own grapheme. */
export const NARROW_GLYPHS = '\u00b5\u00b7\u00d7\u03bc\u2014\u2019\u2026\u2191\u2192\u2193\u23ce\u2588\u2589\u258a\u258b\u258c\u258d\u258e\u258f\u2714\u2716';
// Printable ASCII and those glyphs are one column a character (test/text/table.test.ts checks each
// glyph against string-width), so such text needs neither string-width's segmenter and emoji tables
// (much of a one-file `cost` or `lint` run's start-up) nor the cache. Other text repeats (a thousand
// findings with the same message): string-width's segmenter was a fifth of lint's time on such a file.
const NARROW_TEXT = new RegExp(`^[\\x20-\\x7e${NARROW_GLYPHS}]*$`);
const widths = new Map<string, number>();
/** Display width in terminal columns (wide CJK characters count 2, combining marks 0). */
export function displayWidth(text: string): number {
  if (NARROW_TEXT.test(text)) return text.length;
  let width = widths.get(text);
  if (width === undefined) {
    if (widths.size >= 4096) widths.clear();
    widths.set(text, (width = stringWidth(text)));
  }
  return width;
}

/**
 * Lay out and print a table in time linear in its cells: measure each column's widest value, then,
 * when a width is given and the table is wider, give up room in the order TableColumn describes
 * until it fits (or nothing more can give). Lines carry no trailing spaces.
 */
export function renderTable(columns: readonly TableColumn[], rows: readonly TableRow[], options: TableOptions = {}): string[] {
  const gap = options.gap ?? 2;
  const natural = columns.map((c) => displayWidth(c.header));
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    row.forEach((cell, i) => {
      const w = displayWidth(textOf(cell));
      if (w > natural[i]!) natural[i] = w;
    });
  }
  const widths = [...natural];
  const shown = columns.map(() => true);
  if (options.width !== undefined) {
    fit(columns, natural, widths, shown, options.width, gap);
    if (tableWidth(widths, shown, gap) > options.width) return renderStacked(columns, rows, options.width);
  }
  const visible = columns.map((_, i) => i).filter((i) => shown[i]);
  const last = visible[visible.length - 1];
  const spill = spillOf(columns, visible, widths, options.width, gap);
  const out: string[] = [];
  const header = options.header ?? ((t: string) => t);
  out.push(...joinCells(visible.map((i) => [header(pad(columns[i]!.header, widths[i]!, columns[i]!.align))]), gap));
  for (const row of rows) {
    if (!Array.isArray(row)) {
      const line = options.width !== undefined ? shorten(row.line, options.width, row.keep ?? 'end') : row.line;
      out.push((row.paint ?? ((t: string) => t))(line));
      continue;
    }
    let spilled: string[] = [];
    const cells = visible.map((i) => {
      const column = columns[i]!;
      const text = textOf(row[i]);
      let lines = column.fit === 'text' ? wrap(text, widths[i]!) : [column.fit === 'name' ? shorten(text, widths[i]!, column.keep ?? 'start') : text];
      if (spill && i === last && lines.length > 1) {
        // A narrow last column keeps its first line; the rest reads on across the table below.
        const rest = text.startsWith(lines[0]!) ? text.slice(lines[0]!.length).trimStart() : lines.slice(1).join(' ');
        spilled = wrap(rest, spill.width).map((l) => paintOf(row[i])(l));
        lines = lines.slice(0, 1);
      }
      return lines.map((l) => paintOf(row[i])(pad(l, widths[i]!, column.align)));
    });
    out.push(...joinCells(cells, gap, visible.map((i) => widths[i]!)), ...spilled.map((l) => ' '.repeat(spill!.indent) + l));
  }
  return out;
}

/** A free-text column narrower than this, when it is the last one, continues below the row instead. */
const SPILL_BELOW = 20;

/**
 * Where the last column's overflow goes when it is a narrow free-text column: rows below it,
 * indented two past the start of the second column and as wide as the table may be.
 */
function spillOf(columns: readonly TableColumn[], visible: readonly number[], widths: readonly number[], width: number | undefined, gap: number): { indent: number; width: number } | undefined {
  const last = visible[visible.length - 1];
  if (width === undefined || last === undefined || visible.length < 2 || columns[last]!.fit !== 'text' || widths[last]! >= SPILL_BELOW) return undefined;
  const indent = widths[visible[0]!]! + gap + 2;
  return width - indent >= SPILL_BELOW ? { indent, width: width - indent } : undefined;
}

function tableWidth(widths: readonly number[], shown: readonly boolean[], gap: number): number {
  return widths.reduce((sum, w, i) => sum + (shown[i] ? w + gap : 0), -gap);
}

/**
 * A table that does not fit even with every column squeezed or left out (cost at 40 columns): each
 * row becomes a record, its first cell and then `header value` items, ` · ` between them, flowed
 * over lines of `width` (an item wider than a line wraps). Columns with no header (a bar) or marked
 * `drop: 0` (they say nothing) are left out; no line is wider than `width`.
 */
function renderStacked(columns: readonly TableColumn[], rows: readonly TableRow[], width: number): string[] {
  const out: string[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) {
      out.push((row.paint ?? ((t: string) => t))(shorten(row.line, width, row.keep ?? 'end')));
      continue;
    }
    const cells = row.map((cell, i) => ({ cell, column: columns[i]! })).filter(({ cell, column }) => textOf(cell) !== '' && column.header !== '' && column.drop !== 0);
    const [first, ...named] = cells;
    if (!first) continue;
    const label = shorten(textOf(first.cell), width, 'start');
    const indent = Math.min(displayWidth(label) + 2, 4);
    let line = paintOf(first.cell)(label);
    let used = displayWidth(label);
    let items = 0;
    for (const { cell, column } of named) {
      const plain = `${column.header} ${textOf(cell)}`;
      const painted = `${column.header} ${paintOf(cell)(textOf(cell))}`;
      const sep = items > 0 ? ' · ' : used > 0 ? '  ' : '';
      const w = displayWidth(plain);
      if (used + sep.length + w <= width) {
        line += sep + painted;
        used += sep.length + w;
        items++;
        continue;
      }
      if (indent + w <= width) {
        if (used > 0) out.push(line);
        line = ' '.repeat(indent) + painted;
        used = indent + w;
      } else {
        // Wider than a line anyway: cut across lines from here, the header with the start of its value.
        let left = plain;
        let room = width - used - sep.length;
        if (room <= column.header.length + 1) {
          out.push(line);
          line = ' '.repeat(indent);
          room = width - indent;
        } else line += sep;
        for (;;) {
          const [head, tail] = cut(left, room);
          line += paintOf(cell)(head);
          if (tail === '') break;
          out.push(line);
          line = ' '.repeat(indent);
          room = width - indent;
          left = tail;
        }
        used = displayWidth(line);
      }
      items = 1;
    }
    out.push(line);
  }
  return out;
}

/** `text` split after `room` columns (at least one character, so a cut always advances). */
function cut(text: string, room: number): [string, string] {
  const chars = [...text];
  let head = chars.shift() ?? '';
  while (chars.length > 0 && displayWidth(head + chars[0]) <= room) head += chars.shift();
  return [head, chars.join('')];
}

function fit(columns: readonly TableColumn[], natural: readonly number[], widths: number[], shown: boolean[], width: number, gap: number): void {
  const total = () => tableWidth(widths, shown, gap);
  const minOf = (c: TableColumn) => c.min ?? 12;
  // 1. Free text wraps.
  columns.forEach((c, i) => {
    const over = total() - width;
    if (over > 0 && c.fit === 'text') widths[i] = Math.max(Math.min(widths[i]!, minOf(c)), widths[i]! - over);
  });
  // 2. Very long names give up their tail beyond `comfortable` before any column is left out.
  columns.forEach((c, i) => {
    const over = total() - width;
    if (over > 0 && c.fit === 'name') widths[i] = Math.max(Math.min(widths[i]!, c.comfortable ?? 32), widths[i]! - over);
  });
  // 3. Optional columns go, lowest `drop` first.
  const droppable = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.drop !== undefined).sort((a, b) => a.c.drop! - b.c.drop!);
  for (const { i } of droppable) {
    if (total() <= width) break;
    shown[i] = false;
  }
  // 4. Names are shortened last, the widest first, so long names end up cut evenly.
  const names = columns.map((c, i) => ({ c, i })).filter(({ c, i }) => c.fit === 'name' && shown[i]);
  for (let over = total() - width; over > 0; over--) {
    let widest: { c: TableColumn; i: number } | undefined;
    for (const n of names) if (widths[n.i]! > minOf(n.c) && (!widest || widths[n.i]! > widths[widest.i]!)) widest = n;
    if (!widest) break;
    widths[widest.i]!--;
  }
  // 5. Room left over goes back: to names first, then to wrapped text, then to columns left out.
  for (const kind of ['name', 'text'] as const) {
    columns.forEach((c, i) => {
      const slack = width - total();
      if (slack > 0 && c.fit === kind && shown[i]) widths[i] = Math.min(natural[i]!, widths[i]! + slack);
    });
  }
  for (const { i } of [...droppable].reverse()) {
    if (shown[i] || total() + widths[i]! + gap > width) continue;
    shown[i] = true;
  }
}

/** The physical lines of one row whose cells may hold several lines each. */
function joinCells(cells: string[][], gap: number, widths?: number[]): string[] {
  const height = Math.max(1, ...cells.map((c) => c.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++) {
    lines.push(cells.map((c, i) => c[k] ?? ' '.repeat(widths?.[i] ?? 0)).join(' '.repeat(gap)).trimEnd());
  }
  return lines;
}

function pad(text: string, width: number, align: 'left' | 'right' | undefined): string {
  const room = Math.max(0, width - displayWidth(text));
  return align === 'right' ? ' '.repeat(room) + text : text + ' '.repeat(room);
}

/** Cut to `width` columns with `…`, keeping the start (names) or the end (paths: the file name matters). */
export function shorten(text: string, width: number, keep: 'start' | 'end'): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  const chars = [...text];
  if (keep === 'start') {
    let out = '';
    for (const ch of chars) {
      if (displayWidth(out + ch) > width - 1) break;
      out += ch;
    }
    return `${out}…`;
  }
  let out = '';
  for (let k = chars.length - 1; k >= 0; k--) {
    if (displayWidth(chars[k]! + out) > width - 1) break;
    out = chars[k]! + out;
  }
  // Start at a path separator when one is near, so the tail reads as a path.
  const slash = out.indexOf('/');
  return `…${slash > 0 && slash < 16 ? out.slice(slash) : out}`;
}

/** Words wrapped to `width` columns; a word longer than the width is cut across lines. */
export function wrap(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (displayWidth(line) > width) {
      const chars = [...line];
      let head = '';
      while (chars.length && displayWidth(head + chars[0]) <= width) head += chars.shift();
      lines.push(head);
      line = chars.join('');
    }
  }
  if (line) lines.push(line);
  return lines;
}
