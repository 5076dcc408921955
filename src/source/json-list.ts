/**
 * JSON cassettes are one long array of interactions: nock's top-level array, HAR's `log.entries`,
 * VCR.py's `interactions`, Ruby VCR's and Betamax's `http_interactions`. This scanner finds the
 * byte range of each element, so each is parsed on its own and a command can handle one at a time.
 * Strings are skipped with indexOf (most of a cassette is body strings). Anything it is not sure
 * of (a second list key, an unterminated value) returns undefined, and the caller parses the
 * whole document as usual, which also gives a broken file its usual error.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
const LF = 10;

export interface JsonListSplit {
  /** Where the list sits: [] for a top-level array, ['log', 'entries'] for HAR. */
  path: string[];
  /** The document with the list emptied, to parse for everything else. */
  head: string;
  /** Byte ranges of each element. */
  items: { start: number; end: number }[];
  /** Bytes the head shares with the file, up to the list's `[`: positions there are the file's. */
  prefix: number;
}

/** Keys whose array value is the interaction list, by the key path of the object holding them. */
const LIST_KEYS: Record<string, string> = { '': 'interactions|http_interactions', log: 'entries' };

export function splitJsonList(bytes: Buffer): JsonListSplit | undefined {
  const found = findJsonList(bytes);
  return found ? finish(bytes, found) : undefined;
}

/** The list splitJsonList splits, an empty one too: the head of a list read in pieces is checked with it (json-stream.ts). */
export function findJsonList(bytes: Buffer): FoundList | undefined {
  const at = skipSpace(bytes, 0);
  if (bytes[at] === OPEN_BRACKET) {
    const list = scanList(bytes, at);
    return forget(list ? { path: [], open: at, ...list } : undefined);
  }
  if (bytes[at] !== OPEN_BRACE) return undefined;
  return forget(findList(bytes, at, [], false)?.found);
}

/**
 * Where the list opens (its `[`) and where it sits, looked for in the file's first bytes: nothing
 * after the `[` is read. Undefined when `bytes` do not reach it (or the document is not a list
 * cassette): the caller reads more and asks again. Keys after the list are not seen here; the
 * caller checks the whole head with findJsonList.
 */
export function findJsonListStart(bytes: Buffer): { path: string[]; open: number } | undefined {
  const at = skipSpace(bytes, 0);
  if (bytes[at] === OPEN_BRACKET) return { path: [], open: at };
  if (bytes[at] !== OPEN_BRACE) return undefined;
  const found = forget(findList(bytes, at, [], true)?.found);
  return found && { path: found.path, open: found.open };
}

/** The list found: where it sits, its `[` and `]`, and its elements' byte ranges. */
export interface FoundList {
  path: string[];
  open: number;
  close: number;
  items: { start: number; end: number }[];
}

/**
 * The list inside the object at `open`, descending into `log` (undefined if none or twice), and
 * the offset after the object. The list is scanned once, as it is met; with `stop`, it is not
 * scanned: the search ends at its `[` (`end` is then -1).
 */
function findList(bytes: Buffer, open: number, path: string[], stop: boolean): { found: FoundList | undefined; end: number } | undefined {
  const wanted = (LIST_KEYS[path.join('.')] ?? '').split('|');
  let found: FoundList | undefined;
  let pos = skipSpace(bytes, open + 1);
  if (bytes[pos] === CLOSE_BRACE) return { found, end: pos + 1 };
  for (;;) {
    if (bytes[pos] !== QUOTE) return undefined;
    const keyEnd = skipString(bytes, pos);
    if (keyEnd < 0) return undefined;
    const raw = bytes.toString('latin1', pos + 1, keyEnd - 1);
    pos = skipSpace(bytes, keyEnd);
    if (bytes[pos] !== COLON) return undefined;
    pos = skipSpace(bytes, pos + 1);
    // An escaped key is left to the whole parse (it could spell a list key).
    if (raw.includes('\\')) return undefined;
    const listKey = wanted.includes(raw);
    const logKey = raw === 'log' && path.length === 0;
    if ((listKey || logKey) && found) return undefined; // the key twice: JSON.parse keeps the last, leave it to it
    if (listKey && bytes[pos] === OPEN_BRACKET) {
      if (stop) return { found: { path: [...path, raw], open: pos, close: -1, items: [] }, end: -1 };
      const list = scanList(bytes, pos);
      if (!list) return undefined;
      found = { path: [...path, raw], open: pos, ...list };
      pos = list.close + 1;
    } else if (logKey && bytes[pos] === OPEN_BRACE) {
      const inner = findList(bytes, pos, ['log'], stop);
      if (!inner) return undefined;
      if (inner.end < 0) return inner;
      found = inner.found;
      pos = inner.end;
    } else {
      pos = skipValue(bytes, pos);
      if (pos < 0) return undefined;
    }
    pos = skipSpace(bytes, pos);
    if (bytes[pos] === COMMA) pos = skipSpace(bytes, pos + 1);
    else if (bytes[pos] === CLOSE_BRACE) return { found, end: pos + 1 };
    else return undefined;
  }
}

/** The elements of the array at `open` and the offset of its `]`; undefined when it does not end. */
function scanList(bytes: Buffer, open: number): { items: { start: number; end: number }[]; close: number } | undefined {
  const items: { start: number; end: number }[] = [];
  let pos = skipSpace(bytes, open + 1);
  if (bytes[pos] === CLOSE_BRACKET) return { items, close: pos };
  for (;;) {
    const end = skipValue(bytes, pos);
    if (end < 0) return undefined;
    items.push({ start: pos, end });
    pos = skipSpace(bytes, end);
    if (bytes[pos] === COMMA) pos = skipSpace(bytes, pos + 1);
    else if (bytes[pos] === CLOSE_BRACKET) return { items, close: pos };
    else return undefined;
  }
}

function finish(bytes: Buffer, list: FoundList): JsonListSplit | undefined {
  if (list.items.length === 0) return undefined;
  const head = `${bytes.toString('utf8', 0, list.open + 1)}${bytes.toString('utf8', list.close)}`;
  return { path: list.path, head, items: list.items, prefix: list.open + 1 };
}

export function skipSpace(bytes: Buffer, pos: number): number {
  let b = bytes[pos];
  while (b === 32 || b === 10 || b === 13 || b === 9) b = bytes[++pos];
  return pos;
}

/**
 * The offset after the string starting at `pos` (a quote), or -1 when it does not end. Walked
 * byte by byte: bodies full of escaped quotes (SSE chunks, JSON in a string) made a Buffer#indexOf
 * per quote cost twice as much as the walk.
 */
export function skipString(bytes: Buffer, pos: number): number {
  const n = bytes.length;
  for (let at = pos + 1; at < n; at++) {
    const b = bytes[at];
    if (b === QUOTE) return at + 1;
    if (b === BACKSLASH) at++; // the escaped byte is never the end
  }
  return -1;
}

/** The offset after the value starting at `pos`, or -1 when it does not end. Values are not checked: JSON.parse does that. */
export function skipValue(bytes: Buffer, pos: number): number {
  const first = bytes[pos];
  if (first === QUOTE) return skipString(bytes, pos);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // A number, true, false or null: up to the next delimiter.
    let at = pos;
    for (let b = bytes[at]; b !== undefined && b !== COMMA && b !== CLOSE_BRACE && b !== CLOSE_BRACKET && b !== 32 && b !== 10 && b !== 13 && b !== 9; b = bytes[++at]);
    return at === pos ? -1 : at;
  }
  let span = TEXT_SPAN;
  for (;;) {
    if (spanOf !== bytes || pos < spanBase || pos >= spanBase + spanChars.length) {
      spanOf = bytes;
      spanBase = pos;
      spanChars = bytes.toString('latin1', pos, Math.min(bytes.length, pos + span));
    }
    const end = containerEnd(spanChars, pos - spanBase);
    if (end >= 0) return spanBase + end;
    if (spanBase + spanChars.length >= bytes.length) return -1;
    // A longer string from this value's start.
    if (spanBase === pos) span *= 2;
    spanChars = '';
  }
}

/**
 * Characters of the bytes turned into one string at a time to find where an object or array ends
 * (see containerEnd): under V8's largest young object, so no fresh pages are written.
 */
export const TEXT_SPAN = 64 * 1024;

/** skipValue's last string, of `spanOf`'s bytes from `spanBase`: the next item usually starts in it. Let go by forget(). */
let spanOf: Buffer | undefined;
let spanBase = 0;
let spanChars = '';

/** Lets go of skipValue's string and bytes (called before each exported split returns). */
function forget<T>(value: T): T {
  spanOf = undefined;
  spanChars = '';
  return value;
}

/** A whole JSON string, escapes included, from its opening quote. */
const STRING = /"[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;

/** The offset after the string that opens at `at` in `chars`, or -1 when it does not close there: STRING's match, by a loop. */
function stringEnd(chars: string, at: number): number {
  for (let i = at + 1; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

/** The line breaks the last containerEnd met outside strings (where JSON has them): how many, and the offset of the last (-1: none). */
export let lineBreaks = 0;
export let lastLineBreak = -1;

/**
 * The offset in `chars` (bytes as latin1, a character per byte) after the object or array that
 * opens at `at`, or -1 when it does not end there; counts its line breaks (lineBreaks). Each string
 * is skipped by one native RegExp match: a byte loop in JavaScript cost as much with TurboFan
 * and 5x as much without (~310 instead of ~65 ms of CPU for a 10 MiB nock file), so JSON files
 * can be read without TurboFan, as YAML files are. Brackets are counted, not matched; nothing
 * else is checked: JSON.parse does that.
 */
export function containerEnd(chars: string, at: number): number {
  lineBreaks = 0;
  lastLineBreak = -1;
  let depth = 0;
  for (;;) {
    const c = chars.charCodeAt(at);
    if (c === QUOTE) {
      STRING.lastIndex = at;
      let end: number;
      try {
        end = STRING.test(chars) ? STRING.lastIndex : -1;
      } catch {
        // V8's RegExp backtrack stack overflows (a RangeError) on a string of a few million escapes: a long SSE body.
        end = stringEnd(chars, at);
      }
      if (end < 0) return -1;
      at = end;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return at + 1;
    } else if (c === LF) {
      lineBreaks++;
      lastLineBreak = at;
    } else if (c !== c) return -1; // NaN: the end of `chars`
    at++;
  }
}
