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

export interface YamlListSplit {
  key: string;
  /** The document with the list emptied (`key: []`), to parse for everything else. */
  head: string;
  /** Byte ranges of each item, and the 1-based line each starts on (counted here, so positions need no second scan). */
  items: { start: number; end: number; line: number }[];
  /** Bytes the head shares with the file, up to the list's key: positions there are the file's. */
  prefix: number;
}

export function splitYamlList(bytes: Buffer): YamlListSplit | undefined {
  // CR line ends or a directive: leave those to the full parser. A second document needs no scan:
  // its `---` ends the list, and js-yaml then refuses the head, which holds it.
  if (bytes.indexOf(CR) !== -1 || bytes[0] === PERCENT) return undefined;
  const found = findListKey(bytes, 0);
  if (!found || !onlyComment(bytes, found.keyStart + found.key.length + 1, found.lineEnd)) return undefined;
  const { key, keyStart, lineEnd: keyLineEnd } = found;
  let pos = keyLineEnd + 1;
  let line = lineOf(bytes, keyStart) + 1; // the line that starts at pos
  let indent = -1;
  const items: { start: number; end: number; line: number }[] = [];
  let end = bytes.length;
  while (pos < bytes.length) {
    const next = bytes.indexOf(LF, pos);
    const lineEnd = next === -1 ? bytes.length : next;
    // Most lines are deeper than the items (their bodies): counting indent + 1 spaces tells.
    const deep = indent === -1 ? lineEnd : Math.min(lineEnd, pos + indent + 1);
    let n = pos;
    while (n < deep && bytes[n] === SPACE) n++;
    if (indent !== -1 && n === pos + indent + 1) {
      pos = lineEnd + 1;
      line++;
      continue;
    }
    while (n < lineEnd && bytes[n] === SPACE) n++;
    const spaces = n - pos;
    if (n === lineEnd) {
      pos = lineEnd + 1;
      line++;
      continue; // blank lines belong to whatever they are in
    }
    const first = bytes[n];
    const dash = first === DASH && (n + 1 === lineEnd || bytes[n + 1] === SPACE);
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
    if (spaces === indent) {
      if (items.length > 0) items[items.length - 1]!.end = pos;
      items.push({ start: pos, end: bytes.length, line });
    }
    pos = lineEnd + 1;
    line++;
  }
  if (items.length === 0) return undefined;
  if (findListKey(bytes, end)) return undefined; // the key twice: let the full parser decide which wins
  items[items.length - 1]!.end = end;
  const head = `${bytes.toString('utf8', 0, keyStart)}${key}: []\n${bytes.toString('utf8', end)}`;
  return { key, head, items, prefix: keyStart + key.length };
}

/** 1-based line of a byte offset (the list's key is near the top: few lines to count). */
function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(LF); at !== -1 && at < offset; at = bytes.indexOf(LF, at + 1)) line++;
  return line;
}

/** The first `interactions:` (or `http_interactions:`) key at column 0 from `from` on. */
function findListKey(bytes: Buffer, from: number): { key: string; keyStart: number; lineEnd: number } | undefined {
  const needle = 'interactions:';
  for (let at = bytes.indexOf(needle, from); at !== -1; at = bytes.indexOf(needle, at + 1)) {
    const http = at >= 5 && bytes.toString('latin1', at - 5, at) === 'http_';
    const keyStart = http ? at - 5 : at;
    if (keyStart > 0 && bytes[keyStart - 1] !== LF) continue;
    const next = bytes.indexOf(LF, at);
    const lineEnd = next === -1 ? bytes.length : next;
    return { key: http ? 'http_interactions' : 'interactions', keyStart, lineEnd };
  }
  return undefined;
}

function onlyComment(bytes: Buffer, from: number, to: number): boolean {
  let n = from;
  while (n < to && (bytes[n] === SPACE || bytes[n] === TAB)) n++;
  return n === to || (bytes[n] === HASH && n > from);
}
