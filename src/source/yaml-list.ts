import { isAscii } from 'node:buffer';
import { CassetteInputError } from '../model/errors.js';
import { Window, type FilePieces } from './json-stream.js';

/**
 * Cassettes are one top-level mapping with one long block sequence of interactions. Parsing each
 * item on its own keeps js-yaml's working set small (markedly faster on a large file) and lets a
 * command handle one interaction at a time, decoding only that item's bytes. Anything this line
 * scanner is not sure of returns undefined, and the caller parses the whole document as usual.
 */

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const DASH = 45;
const HASH = 35;
const PERCENT = 37;
/** Bytes of text significantLine reads as one string: under V8's 128 KiB, so it is not a large object (fresh pages each). */
const CHUNK = 64 * 1024;
/** A line that is not blank (its first character other than a space or a line break). */
const ANY_LINE = /^ *[^ \n]/gm;
const shallowLines = new Map<number, RegExp>();
/** A line that is not blank and starts with at most `w` spaces. */
const SHALLOW_LINE = (w: number): RegExp => {
  let re = shallowLines.get(w);
  if (!re) shallowLines.set(w, (re = new RegExp(`^ {0,${w}}[^ \\n]`, 'gm')));
  return re;
};

export interface YamlListSplit {
  key: string;
  /** The document with the list emptied (`key: []`), to parse for everything else. */
  head: string;
  /** Byte ranges of each item, and the 1-based line each starts on (counted here, so positions need no second scan). */
  items: { start: number; end: number; line: number }[];
  /** Bytes the head shares with the file, up to the list's key: positions there are the file's. */
  prefix: number;
  /** Characters of the head's text those bytes decode to. */
  prefixChars: number;
}

export function splitYamlList(bytes: Buffer): YamlListSplit | undefined {
  // CR line ends or a directive: leave those to the full parser.
  if (bytes.indexOf(CR) !== -1) return undefined;
  return splitLines({ view: bytes, base: 0, eof: true }, () => undefined, (start, end) => bytes.toString('utf8', start, end));
}

/**
 * splitYamlList of a file read piece by piece (`piece` bytes at first) into one buffer used again
 * for each piece (see Window; grown only for a line longer than half of it), so that a large file
 * is never held: a buffer of the file's size costs a page fault per 4 KiB page when it is first
 * written (~20 µs each on the bench machine, ~45 ms for 10 MiB), a reused one does not. Also
 * whether every byte of the file is ASCII.
 */
export function splitYamlFile(file: FilePieces, piece = 256 * 1024): (YamlListSplit & { ascii: boolean }) | undefined {
  const w = new Window(file, piece);
  let ascii = true;
  let cr = false;
  // Slides the window on, keeping the bytes from `keep` (a file offset) on, and looks at what is new.
  const more = (keep: number): Piece | undefined => {
    const end = w.base + w.length;
    if (!w.more(keep)) return undefined;
    const fresh = w.buf.subarray(end - w.base, w.length);
    ascii &&= isAscii(fresh);
    cr ||= fresh.indexOf(CR) !== -1;
    return { view: w.bytes, base: w.base, eof: w.atEnd };
  };
  const text = (start: number, end: number): string => {
    if (start >= w.base && end <= w.base + w.length) return w.buf.toString('utf8', start - w.base, end - w.base);
    const bytes = Buffer.allocUnsafe(end - start);
    for (let at = 0; at < bytes.length; ) {
      const n = file.readInto(bytes, at, bytes.length - at, start + at);
      if (n === 0) throw new CassetteInputError('the file changed while it was being read');
      at += n;
    }
    return bytes.toString('utf8');
  };
  const first = more(0);
  if (!first) return undefined;
  const split = splitLines(first, more, text);
  // The scan may stop before the end of the file: read on to it for a CR line end.
  while (split && !cr && more(w.base + w.length)) {
    // only looking for CR
  }
  return split && !cr ? { ...split, ascii } : undefined;
}

/** The bytes read so far that a scan may still look at: `view[i]` is the file's byte `base + i`. */
interface Piece {
  view: Buffer;
  base: number;
  /** The view reaches the end of the file. */
  eof: boolean;
}

/**
 * The scan of splitYamlList over `piece`, which `more(keep)` extends (keeping the bytes from file
 * offset `keep` on) until it reaches the end of the file; `text(start, end)` decodes any range.
 */
function splitLines(piece: Piece, more: (keep: number) => Piece | undefined, text: (start: number, end: number) => string): YamlListSplit | undefined {
  let { view, base, eof } = piece;
  /** The end of the line that starts at file offset `pos` (its line break, or the end of the file), loaded into the view. */
  const lineEnd = (pos: number): number => {
    for (let from = pos - base; ; ) {
      const at = view.indexOf(LF, from);
      if (at !== -1) return base + at;
      const next = eof ? undefined : more(pos);
      if (!next) return base + view.length;
      from = view.length - (next.base - base);
      ({ view, base, eof } = next);
    }
  };
  /**
   * The first line from `pos` on that starts with the list's key, found by searching the bytes, not
   * line by line; the bytes from `hold` on stay in the view.
   */
  const findKey = (pos: number, hold = Infinity): { key: string; keyStart: number } | undefined => {
    for (let from = pos - base; ; ) {
      const at = view.indexOf('interactions:', from);
      if (at !== -1) {
        const found = keyAt(view, at);
        if (found) return { key: found.key, keyStart: base + found.keyStart };
        from = at + 1;
        continue;
      }
      // Keep the last line, which may hold the start of the key.
      const lastBreak = view.lastIndexOf(LF);
      const next = eof ? undefined : more(Math.min(hold, lastBreak === -1 ? base : base + lastBreak + 1));
      if (!next) return undefined;
      from = Math.max(0, lastBreak + 1 - (next.base - base));
      ({ view, base, eof } = next);
    }
  };
  // The text from a line start on, read as Latin-1 (a character a byte, so offsets stay byte
  // offsets) in chunks of whole lines: a RegExp finds the next line that matters far faster than a
  // loop over the lines can on code run without TurboFan (~30 ms less on the 10 MiB VCR.py file).
  let chunk = { start: 0, end: 0, text: '' };
  /**
   * The next line from file offset `pos` (a line start) that is not blank and has at most `most`
   * leading spaces (any number when `most` is -1): where it starts, the line breaks before it
   * from `pos`, its spaces, its first byte and whether that is a sequence's dash. Undefined at
   * the end of the file.
   */
  const significantLine = (pos: number, most: number): { at: number; breaks: number; spaces: number; first: number; dash: boolean } | undefined => {
    const re = most === -1 ? ANY_LINE : SHALLOW_LINE(most);
    let breaks = 0;
    for (;;) {
      if (pos < chunk.start || pos >= chunk.end) {
        // A new chunk of whole lines from pos, CHUNK bytes or so (longer for a longer line).
        for (;;) {
          const viewEnd = base + view.length;
          const stop = Math.min(viewEnd, pos + CHUNK);
          const lastBreak = stop > pos ? view.lastIndexOf(LF, stop - base - 1) : -1;
          if (lastBreak >= pos - base) {
            chunk = { start: pos, end: base + lastBreak + 1, text: view.toString('latin1', pos - base, lastBreak + 1) };
            break;
          }
          if (stop < viewEnd) {
            // A line longer than CHUNK: the chunk is that line.
            const lineBreak = view.indexOf(LF, stop - base);
            if (lineBreak !== -1) {
              chunk = { start: pos, end: base + lineBreak + 1, text: view.toString('latin1', pos - base, lineBreak + 1) };
              break;
            }
          }
          const next = eof ? undefined : more(pos);
          if (next) {
            ({ view, base, eof } = next);
            continue;
          }
          // The last line, with no line break after it.
          if (pos >= viewEnd) return undefined;
          chunk = { start: pos, end: viewEnd, text: view.toString('latin1', pos - base) };
          break;
        }
      }
      const from = pos - chunk.start;
      re.lastIndex = from;
      const m = re.exec(chunk.text);
      const to = m ? m.index : chunk.text.length;
      breaks += chunk.text.slice(from, to).split('\n').length - 1;
      if (m) {
        const spaces = m[0].length - 1;
        const first = m[0].charCodeAt(spaces);
        const after = chunk.text.charCodeAt(m.index + spaces + 1);
        return { at: chunk.start + m.index, breaks, spaces, first, dash: first === DASH && (after === LF || after === SPACE || Number.isNaN(after)) };
      }
      pos = chunk.end;
      if (pos >= base + view.length && eof) return undefined;
    }
  };
  // A directive: leave it to the full parser. A second document needs no scan: its `---` ends the
  // list, and js-yaml then refuses the head, which holds it.
  if (view[0] === PERCENT) return undefined;
  const found = findKey(0);
  if (!found) return undefined;
  const { key, keyStart } = found;
  const keyLineEnd = lineEnd(keyStart);
  if (!onlyComment(view, keyStart - base + key.length + 1, keyLineEnd - base)) return undefined;
  const prefixText = text(0, keyStart);
  let line = lineOf(prefixText) + 1; // the line that starts at pos
  let pos = keyLineEnd + 1;
  let indent = -1;
  const items: { start: number; end: number; line: number }[] = [];
  let end = -1;
  // The lines to look at are the items' first lines and what ends the list: blank lines and lines
  // deeper than the items (their bodies, most lines) are passed over by significantLine.
  for (;;) {
    const found = significantLine(pos, indent === -1 ? -1 : indent);
    if (!found) break; // the end of the file
    pos = found.at;
    line += found.breaks;
    const { spaces, first, dash } = found;
    if (indent === -1) {
      if (!dash) return undefined; // a comment or an odd layout
      indent = spaces;
    }
    if ((spaces <= indent && !dash) || spaces < indent) {
      // Only a top-level key may follow the list; a comment or tab here is left to the full parser.
      if (spaces !== 0 || first === HASH || first === TAB || dash) return undefined;
      end = pos;
      break;
    }
    if (items.length > 0) items[items.length - 1]!.end = pos;
    items.push({ start: pos, end: -1, line });
    pos = lineEnd(pos) + 1;
    line++;
  }
  if (items.length === 0) return undefined;
  if (end === -1) end = base + view.length; // the list runs to the end of the file
  else if (findKey(end, end)) return undefined; // the key twice: let the full parser decide which wins
  items[items.length - 1]!.end = end;
  const head = `${prefixText}${key}: []\n${text(end, base + view.length)}`;
  return { key, head, items, prefix: keyStart + key.length, prefixChars: prefixText.length + key.length };
}

/** The list's key at the start of a line, where `view` holds `interactions:` at `at`. */
function keyAt(view: Buffer, at: number): { key: string; keyStart: number } | undefined {
  const http = at >= 5 && view.toString('latin1', at - 5, at) === 'http_';
  const keyStart = http ? at - 5 : at;
  if (keyStart > 0 && view[keyStart - 1] !== LF) return undefined;
  return { key: http ? 'http_interactions' : 'interactions', keyStart };
}

/** 1-based line count of a text (the part before the list's key: few lines to count). */
function lineOf(text: string): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function onlyComment(bytes: Buffer, from: number, to: number): boolean {
  let n = from;
  while (n < to && (bytes[n] === SPACE || bytes[n] === TAB)) n++;
  return n === to || (bytes[n] === HASH && n > from);
}
