import { isAscii } from 'node:buffer';
import { CassetteInputError } from '../model/errors.js';
import { TEXT_SPAN, containerEnd, findJsonList, findJsonListStart, lastLineBreak, lineBreaks, skipSpace, skipValue } from './json-list.js';
import { utf16Length, type TextPoint } from './offsets.js';

/**
 * A JSON cassette's list split while the file is read, a piece at a time: the bytes behind each
 * element are let go, so a large HAR or nock file is never held whole (peak memory is a piece and
 * an element, not the file; and no buffer of the file's size is faulted in page by page). The
 * elements are read again from the file, piece by piece, when they are asked for.
 */

/** A file read by position into a caller's buffer (a plain file, not gzip, no byte order mark). */
export interface FilePieces {
  /** The file's size in bytes. */
  size: number;
  /**
   * Reads up to `length` bytes of the file from `position` into `target` at `at`; returns how many
   * (0 at the end). Throws CassetteInputError when the file changed since it was opened.
   */
  readInto(target: Buffer, at: number, length: number, position: number): number;
}

/**
 * Bytes read at a time (the window's first size; it grows for an element larger than half of it).
 * 1 MiB cost the same CPU for ~0.7 MB more peak RSS.
 */
export const PIECE = 256 << 10;

/** The list of a JSON cassette read in pieces: what document.ts's lazy list needs. */
export interface StreamedJsonList {
  /** Where the list sits: [] for a top-level array, ['log', 'entries'] for HAR. */
  path: string[];
  /** The document with the list emptied (its bytes up to the list's `[` are the file's). */
  head: string;
  /** Characters of `head` that are the file's text (up to and including the list's `[`). */
  prefix: number;
  length: number;
  /** Element `index`'s text, read again from the file (the first is kept from the split). */
  textAt(index: number): string;
  /** Where element `index` starts in the file's text. */
  pointAt(index: number): TextPoint;
}

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const LF = 10;

/**
 * The file's bytes from `base`, `length` of them, in one buffer used again and again (no fresh
 * pages per piece). `more` slides it on for the split; `slice` moves it for reading elements again.
 */
export class Window {
  buf: Buffer;
  base = 0;
  length = 0;

  constructor(
    readonly file: FilePieces,
    piece: number,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(1, Math.min(piece, file.size)));
  }

  /** Some of the held bytes as a one-byte string (latin1: a character per byte) from file offset `charsBase` (see scanValue). */
  chars = '';
  charsBase = 0;

  get bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  get atEnd(): boolean {
    return this.base + this.length >= this.file.size;
  }

  /**
   * Lets go of the bytes before `keep` (a file offset at or after `base`) and reads on after those
   * held; false when there was nothing more. The buffer doubles when what is kept fills over half
   * of it, so an element larger than a piece is scanned again a bounded number of times.
   */
  more(keep: number): boolean {
    this.chars = '';
    const drop = keep - this.base;
    if (drop > 0) {
      this.buf.copy(this.buf, 0, drop, this.length);
      this.base = keep;
      this.length -= drop;
    }
    if (this.length * 2 > this.buf.length) {
      const grown = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    const want = Math.min(this.buf.length - this.length, this.file.size - this.base - this.length);
    const n = want > 0 ? this.file.readInto(this.buf, this.length, want, this.base + this.length) : 0;
    this.length += n;
    return n > 0;
  }

  /** The file's bytes `[start, end)`, valid until the window next moves; read from `start` on when not held. */
  slice(start: number, end: number): Buffer {
    if (start < this.base || end > this.base + this.length) {
      this.chars = '';
      if (end - start > this.buf.length) this.buf = Buffer.allocUnsafe(end - start);
      this.base = start;
      this.length = 0;
      const want = Math.min(this.buf.length, this.file.size - start);
      while (this.length < end - start) {
        const n = this.file.readInto(this.buf, this.length, want - this.length, start + this.length);
        if (n === 0) throw new CassetteInputError('the file changed while it was being read');
        this.length += n;
      }
    }
    return this.buf.subarray(start - this.base, end - this.base);
  }
}

/** The line breaks the last scanValue met outside strings: how many, and the file offset of the last (-1: none). */
let breaks = 0;
let lastBreak = -1;

/**
 * The offset in the window after the value at window offset `rel`, or -1 when it does not end in
 * the window, counting its line breaks into `breaks`, so an element's line needs no second pass
 * over its bytes. An object or array is scanned as a one-byte string of the window from its start
 * (containerEnd, json-list.ts), kept for the next element.
 */
function scanValue(w: Window, rel: number): number {
  breaks = 0;
  lastBreak = -1;
  const first = w.buf[rel];
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return skipValue(w.bytes, rel);
  const pos = w.base + rel;
  let span = TEXT_SPAN;
  for (;;) {
    if (pos < w.charsBase || pos >= w.charsBase + w.chars.length) {
      w.chars = w.buf.toString('latin1', rel, Math.min(w.length, rel + span));
      w.charsBase = pos;
    }
    const end = containerEnd(w.chars, pos - w.charsBase);
    if (end >= 0) {
      breaks = lineBreaks;
      lastBreak = lastLineBreak < 0 ? -1 : w.charsBase + lastLineBreak;
      return w.charsBase + end - w.base;
    }
    // The window's end: the caller reads on. Else a longer string from this value's start.
    if (w.charsBase + w.chars.length >= w.base + w.length) return -1;
    if (w.charsBase === pos) span *= 2;
    w.chars = '';
  }
}

/** UTF-16 code units of UTF-8 bytes. */
const charsIn = (bytes: Uint8Array): number => (isAscii(bytes) ? bytes.length : utf16Length(bytes, 0, bytes.length));

/**
 * Split the interaction list of the JSON file `file` (nock's top-level array, HAR's `log.entries`,
 * ...; see splitJsonList) while reading it `piece` bytes at a time. Undefined when it is not such a list, is
 * empty, or anything is unsure (a list key twice, an unterminated value): the caller then reads
 * the file whole and parses it as usual, which also gives a broken file its usual error.
 */
export function streamJsonList(file: FilePieces, piece = PIECE): StreamedJsonList | undefined {
  const w = new Window(file, piece);
  // The head, up to the list's `[`, is read on until it is all held (it is small in a cassette).
  let start: { path: string[]; open: number } | undefined;
  while (!(start = findJsonListStart(w.bytes))) if (!w.more(0)) return undefined;
  const { path, open } = start;
  const prefix = w.buf.toString('utf8', 0, open + 1);

  const starts: number[] = [];
  const ends: number[] = [];
  const points: TextPoint[] = [];
  // Where the last element starts: the window keeps its bytes from there on, so the bytes up to
  // the next element's start are at hand to count its line and column.
  let point = { byte: 0, offset: 0, line: 1, column: 1 };
  // The element before: where it ends, and the line breaks scanValue met in it (file offsets).
  let before = { end: -1, breaks: 0, last: -1 };
  const advance = (to: number): TextPoint => {
    const between = w.buf.subarray(point.byte - w.base, to - w.base);
    const chars = charsIn(between);
    let count = before.breaks;
    let last = before.last;
    if (before.end < 0) {
      // The first element: the head's line breaks (a few).
      for (let at = between.indexOf(LF); at !== -1; at = between.indexOf(LF, at + 1)) [count, last] = [count + 1, point.byte + at];
    } else {
      for (let at = before.end; at < to; at++) if (w.buf[at - w.base] === LF) [count, last] = [count + 1, at];
    }
    let { line, column } = point;
    if (count === 0) column += chars;
    else {
      line += count;
      column = charsIn(w.buf.subarray(last + 1 - w.base, to - w.base)) + 1;
    }
    point = { byte: to, offset: point.offset + chars, line, column };
    return { offset: point.offset, line, column };
  };

  let first = '';
  let pos = open + 1;
  let afterItem = false;
  for (;;) {
    const rel = skipSpace(w.bytes, pos - w.base);
    pos = w.base + rel;
    if (rel >= w.length) {
      if (!w.more(point.byte)) return undefined; // the list does not end
      continue;
    }
    const b = w.buf[rel];
    if (afterItem) {
      if (b === CLOSE_BRACKET) break;
      if (b !== COMMA) return undefined;
      pos++;
      afterItem = false;
      continue;
    }
    // An empty list, or a comma before `]`: left to the whole parse.
    if (b === CLOSE_BRACKET) return undefined;
    if (points.length === starts.length) points.push(advance(pos));
    const end = scanValue(w, rel);
    // Not ended in the window (a number may go on past it): read on and scan the element again.
    if (end < 0 || (end >= w.length && !w.atEnd)) {
      if (!w.more(point.byte) && (end < 0 || !w.atEnd)) return undefined;
      continue;
    }
    if (starts.length === 0) first = w.buf.toString('utf8', rel, end);
    before = { end: w.base + end, breaks, last: lastBreak };
    starts.push(pos);
    ends.push(w.base + end);
    pos = w.base + end;
    afterItem = true;
  }

  // The rest of the document after the list (a few keys) is read whole; the head is then checked
  // as the whole-file split would check it (no second list key, the list where it was found).
  const close = pos;
  w.chars = '';
  while (!w.atEnd) if (!w.more(close)) break;
  if (!w.atEnd) return undefined;
  const head = `${prefix}${w.buf.toString('utf8', close - w.base, w.length)}`;
  const found = findJsonList(Buffer.from(head, 'utf8'));
  if (!found || found.items.length > 0 || found.open !== open || found.path.join('\0') !== path.join('\0')) return undefined;

  return {
    path,
    head,
    prefix: prefix.length,
    length: starts.length,
    textAt: (i) => (i === 0 ? first : w.slice(starts[i]!, ends[i]!).toString('utf8')),
    pointAt: (i) => points[i]!,
  };
}
