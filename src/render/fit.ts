import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

const SGR = /\x1b\[[0-9;]*m/g;
// Leading spaces, with any colour codes among them (a dimmed line starts with its escape code).
const LEADING = /^(?:\x1b\[[0-9;]*m| )*/;

/**
 * Fit text to a terminal of `columns` columns: a row that fits is kept as it is; a longer one is
 * wrapped at word boundaries (a word wider than the room is cut). Its continuation rows are indented
 * under the last column that starts (after two spaces) early enough to leave them room, so a table
 * row stays a table row, else two past the row's own indent. Colour codes are kept (wrap-ansi closes
 * and reopens them around each break). `columns` undefined (a pipe or a file) returns the text
 * unchanged: full lines for grep and editors.
 */
export function fitRows(text: string, columns: number | undefined): string {
  if (columns === undefined) return text;
  return text
    .split('\n')
    .map(expandTabs)
    .map((row) => (stringWidth(row) <= columns ? row : wrapRow(row, columns)))
    .join('\n');
}

/** Tabs (kept in bodies) as the spaces to the next stop of 8 a terminal would move over, so widths are true. */
function expandTabs(row: string): string {
  if (!row.includes('\t')) return row;
  let out = '';
  let column = 0;
  for (const [part] of row.matchAll(/\x1b\[[0-9;]*m|\t|[^\t\x1b]+|\x1b/g)) {
    if (part === '\t') {
      out += ' '.repeat(8 - (column % 8));
      column += 8 - (column % 8);
    } else {
      out += part;
      column += stringWidth(part);
    }
  }
  return out;
}

function wrapRow(row: string, columns: number): string {
  const lead = LEADING.exec(row)?.[0] ?? '';
  const indent = lead.replace(SGR, '').length;
  // The indent is laid out here, not by wrap-ansi; its colour codes stay with the content.
  const content = lead.replace(/ /g, '') + row.slice(lead.length);
  const plain = content.replace(SGR, '');
  const hang = hangingIndent(plain, indent, columns);
  const options = { hard: true, trim: true } as const;
  const [first = ''] = wrapAnsi(content, Math.max(10, columns - indent), options).split('\n');
  const firstPlain = first.replace(SGR, '');
  // wrap-ansi keeps the characters of a row as they were; if not, wrap all of it at the narrower room.
  const rest = plain.startsWith(firstPlain) ? dropVisible(content, [...firstPlain].length).replace(/^((?:\x1b\[[0-9;]*m)*) +/, '$1') : undefined;
  const head = rest === undefined ? [] : [first];
  const tail = wrapAnsi(rest ?? content, Math.max(10, columns - hang), options).split('\n');
  return [...head, ...tail].map((r, i) => ' '.repeat(i === 0 ? indent : hang) + r).join('\n');
}

/** The column continuation rows start at: under the last column that leaves them 30 columns (a third of the terminal) of room, else indent + 2. */
function hangingIndent(plain: string, indent: number, columns: number): number {
  let hang = indent + 2;
  for (const m of plain.matchAll(/ {2,}(?=\S)/g)) {
    const at = indent + m.index + m[0].length;
    if (columns - at < Math.max(30, columns / 3)) break;
    hang = Math.max(hang, at);
  }
  return hang;
}

/** `text` without its first `count` visible code points; the colour codes passed over are kept in front. */
function dropVisible(text: string, count: number): string {
  let codes = '';
  let seen = 0;
  for (const m of text.matchAll(/\x1b\[[0-9;]*m|[^]/gu)) {
    if (m[0].startsWith('\x1b[')) codes += m[0];
    else if (seen++ === count) return codes + text.slice(m.index);
  }
  return codes;
}

/** Layout helpers bound to a terminal's width; loaded only when output goes to a terminal (or `COLUMNS` is set). */
export interface TerminalLayout {
  columns: number;
  /** `fitRows` at these columns. */
  fit(text: string): string;
  /** Plain or coloured text as rows of at most `width` columns, broken at word boundaries. */
  wrap(text: string, width: number): string[];
}

export function terminalLayout(columns: number): TerminalLayout {
  return { columns, fit: (text) => fitRows(text, columns), wrap: (text, width) => wrapAnsi(text, width, { hard: true, trim: true }).split('\n') };
}
