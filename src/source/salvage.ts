import type { SourcePosition } from '../model/types.js';
import { jsonErrorOffset } from './json-error.js';
import { splitYamlList } from './yaml-list.js';
import { loadYamlDocument } from './yaml-schema.js';

/** What can still be read of a cassette whose interaction list breaks partway. */
export interface SalvagedText {
  /**
   * A document holding only the whole interactions before the break, each at its own position
   * (the file's text up to `end`, closed so it parses; for YAML, followed by the keys after the list).
   */
  text: string;
  /** How many characters of the file's text it keeps: everything from `end` on was not read. */
  end: number;
  /** How many interactions it holds. */
  items: number;
}

/**
 * The interactions read before a YAML or JSON cassette broke (cut short, a malformed or incomplete
 * item), as a document that parses, so lint can report on them as ESLint does on what it could
 * parse. `at`: where reading stopped, as the error's position (for JSON the first syntax error is
 * found when none is given). Undefined when no whole interaction precedes the break, the interactions
 * are not one list, or the file is a text trace.
 */
export function salvageInteractions(text: string, at: SourcePosition | undefined): SalvagedText | undefined {
  const head = text.trimStart()[0];
  if (head === '{' || head === '[') {
    const breakAt = at ? offsetOf(text, at) : jsonErrorOffset(text);
    return breakAt < 0 ? undefined : salvageJson(text, breakAt);
  }
  if (text.startsWith('httprr trace')) return undefined;
  return salvageYaml(text, at ? offsetOf(text, at) : text.length);
}

/**
 * JSON: the outermost array open at the break is the interaction list (nock's top level, HAR's
 * `log.entries`, `interactions`): cut after its last whole element and close what is open.
 */
function salvageJson(text: string, breakAt: number): SalvagedText | undefined {
  const open: { close: ']' | '}'; lastEnd: number; items: number }[] = [];
  for (let i = 0; i < breakAt && i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i = stringEnd(text, i);
      if (i < 0) break;
    } else if (ch === '{' || ch === '[') open.push({ close: ch === '{' ? '}' : ']', lastEnd: i + 1, items: 0 });
    else if (ch === '}' || ch === ']') {
      open.pop();
      const parent = open[open.length - 1];
      if (parent?.close === ']') {
        parent.lastEnd = i + 1;
        parent.items++;
      }
    }
  }
  const at = open.findIndex((c) => c.close === ']');
  const list = open[at];
  if (!list || list.items === 0) return undefined;
  const closers = open
    .slice(0, at + 1)
    .reverse()
    .map((c) => c.close)
    .join('');
  return { text: text.slice(0, list.lastEnd) + closers, end: list.lastEnd, items: list.items };
}

/** The index of a string's closing quote, or -1 when it does not close. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/**
 * YAML: the list's items before the one holding the break, stopping early at an item that does not
 * parse alone (an unclosed quote is reported where the stream ends, not in its own item).
 */
function salvageYaml(text: string, breakAt: number): SalvagedText | undefined {
  const bytes = Buffer.from(text, 'utf8');
  const split = splitYamlList(bytes);
  if (!split) return undefined;
  const breakByte = Buffer.byteLength(text.slice(0, breakAt), 'utf8');
  let items = 0;
  for (const item of split.items) {
    if (item.end > breakByte || !parsesAlone(bytes.toString('utf8', item.start, item.end))) break;
    items++;
  }
  if (items === 0) return undefined;
  const kept = bytes.toString('utf8', 0, split.items[items - 1]!.end);
  // Keys after the list (VCR.py's `version: 1`) still say what format the file is, if the break was not in them.
  const listEnd = split.items[split.items.length - 1]!.end;
  const tail = breakByte < listEnd ? bytes.toString('utf8', listEnd) : '';
  return { text: kept + tail, end: kept.length, items };
}

function parsesAlone(item: string): boolean {
  try {
    const value = loadYamlDocument(item);
    return Array.isArray(value) && value.length === 1;
  } catch {
    return false;
  }
}

/** The character offset of a 1-based line and column. */
function offsetOf(text: string, { line, column }: SourcePosition): number {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  return Math.min(text.length, start + column - 1);
}
