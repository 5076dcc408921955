import { cassetteYamlSchema } from './yaml-schema.js';

/**
 * A fast reader for the plain block YAML that recorders emit (go-yaml, PyYAML, Psych): block
 * mappings and sequences, one-line plain and quoted scalars, literal block scalars, `{}` and `[]`.
 * It gives exactly what js-yaml gives or, on anything else (anchors, tags, flow collections,
 * folded or multi-line scalars, comments, tabs), undefined so the caller falls back to js-yaml.
 * Plain scalars are resolved by js-yaml's own implicit types, so `1`, `true`, `~` and dates agree.
 */
export function parseSimpleYaml(text: string, spans?: ScalarSpan[]): unknown[] | undefined {
  if (text.includes('\r')) return undefined;
  const reader = new Reader(text, spans);
  try {
    const start = reader.skipBlank(0);
    if (start >= text.length || !reader.isDash(start, reader.indent(start))) return undefined;
    const value = reader.sequence(start, reader.indent(start));
    return reader.skipBlank(reader.pos) >= text.length ? value : undefined;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

/**
 * Where a multi-line (or long) single-quoted scalar, its quotes too, or a literal block scalar's
 * lines sit in the text parsed (`[start, end)`), and the string it was read as. Those two styles change only line
 * breaks, indentation and `''`, never the characters of a token, which lint's secret-text relies on.
 */
export interface ScalarSpan {
  start: number;
  end: number;
  value: string;
}

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

// js-yaml's compiled implicit types (null, bool, int, float, timestamp, merge), in its order: taken
// when a scalar first needs them (loading js-yaml), which most one-file runs' scalars do not.
let implicit: ImplicitType[] | undefined;
const implicitTypes = () => (implicit ??= (cassetteYamlSchema() as unknown as { compiledImplicit?: ImplicitType[] }).compiledImplicit ?? bail());

/**
 * The implicit types resolve()'s shortcuts assume (test/source/simple-yaml.test.ts checks that the
 * schema's are these, in this order).
 */
export const IMPLICIT_TAGS = ['null', 'bool', 'int', 'float', 'timestamp', 'merge'].map((t) => `tag:yaml.org,2002:${t}`);

const BAIL = Symbol('bail');
const bail = (): never => {
  throw BAIL;
};

/** Characters that start something other than a plain scalar. */
const INDICATOR = /^[[\]{}#&*!|>'"%@`,?:]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_\-./ ]*$/;
const JSON_ESCAPES = /\\[^"\\/bfnrtu]/;

function isDash(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 45 && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 32);
}

/**
 * Reads nodes line by line. A line is named by the offset where it starts: nothing is split or
 * copied per line, so the long bodies (most of a cassette's lines) are walked once, by the scalar
 * that holds them. Each read leaves `pos` at the start of the line after the node; an offset at or
 * past the end of the text is the end (a final line break starts no line).
 */
class Reader {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly spans?: ScalarSpan[],
  ) {}

  /** Where line `s` ends (its line break, or the end of the text). */
  private end(s: number): number {
    const e = this.text.indexOf('\n', s);
    return e === -1 ? this.text.length : e;
  }

  /** The start of the line after line `s`. */
  private next(s: number): number {
    return this.end(s) + 1;
  }

  indent(s: number): number {
    const text = this.text;
    let n = s;
    while (text.charCodeAt(n) === 32) n++;
    return n - s;
  }

  /** A line of spaces only (or none). */
  private blank(s: number): boolean {
    const c = this.text.charCodeAt(s + this.indent(s));
    return c === 10 || Number.isNaN(c);
  }

  skipBlank(s: number): number {
    while (s < this.text.length && this.blank(s)) s = this.next(s);
    return s;
  }

  /** `- ` (or a lone `-`) at column n of line s. */
  isDash(s: number, n: number): boolean {
    const text = this.text;
    if (text.charCodeAt(s + n) !== 45) return false;
    const c = text.charCodeAt(s + n + 1);
    return c === 32 || c === 10 || Number.isNaN(c);
  }

  /** Line s from column n to its end. */
  private from(s: number, n: number): string {
    return this.text.slice(s + n, this.end(s));
  }

  /** A block node starting at line s whose indentation must exceed `parent`; null when there is none. */
  block(s: number, parent: number, sequenceAtParent: boolean): unknown {
    const j = this.skipBlank(s);
    this.pos = j;
    if (j >= this.text.length) return null;
    const n = this.indent(j);
    const c = this.text.charCodeAt(j + n);
    if (c === 9 || c === 35) bail(); // tab or comment
    if (n > parent) return this.isDash(j, n) ? this.sequence(j, n) : this.mapping(j, n, this.from(j, n));
    // `key:` followed by `- item` at the key's own indentation is a sequence value.
    if (n === parent && sequenceAtParent && this.isDash(j, n)) return this.sequence(j, n);
    return null;
  }

  sequence(s: number, n: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      s = this.skipBlank(s);
      if (s >= this.text.length || this.indent(s) !== n || !this.isDash(s, n)) {
        if (s < this.text.length && this.indent(s) > n) bail();
        this.pos = s;
        return out;
      }
      const rest = this.from(s, n + 2);
      if (rest.trim() === '') out.push(this.block(this.next(s), n, false));
      else if (isDash(rest, 0) || rest.charCodeAt(0) === 32) bail(); // `- - x` or extra spaces
      // `- key: value`: a mapping whose first line shares the dash's line.
      else if (keyOf(rest) !== undefined) out.push(this.mapping(s, n + 2, rest));
      else out.push(this.scalar(rest, s, n));
      s = this.pos;
    }
  }

  /** A block mapping at indentation n whose first key line, without its indentation, is `first`. */
  mapping(s: number, n: number, first: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let text = first;
    for (;;) {
      const key = keyOf(text);
      if (key === undefined) return bail();
      const rest = text.slice(key.raw.length + 1).trimStart();
      out[key.name] = rest === '' ? this.block(this.next(s), n, true) : this.scalar(rest, s, n);
      s = this.skipBlank(this.pos);
      this.pos = s;
      if (s >= this.text.length) return out;
      const m = this.indent(s);
      if (m > n) bail(); // a continuation line: a multi-line scalar
      if (m < n || this.isDash(s, m)) return out;
      text = this.from(s, n);
    }
  }

  /** A scalar written after `key: ` or `- ` on line s. */
  scalar(rest: string, s: number, parent: number): unknown {
    const c = rest.charCodeAt(0);
    if (c === 124) return this.literal(rest, s, parent); // |
    if (c === 39 && closingQuote(rest, 1) === -1) return this.multiLineSingleQuoted(rest, s, parent); // '
    this.pos = this.next(s);
    const value = rest.trimEnd();
    if (c === 39) {
      const string = singleQuoted(value); // '
      // A long one only (go-vcr's request bodies): `rest` ends where line s does.
      if (this.spans && value.length >= 256) this.spans.push({ start: this.end(s) - rest.length, end: this.end(s) - rest.length + value.length, value: string });
      return string;
    }
    if (c === 34) return doubleQuoted(value); // "
    if (value === '{}') return {};
    if (value === '[]') return [];
    return plain(value);
  }

  /**
   * A single-quoted scalar over several lines, as PyYAML writes long strings (VCR.py's bodies): each
   * line break folds to a space, n blank lines to n newlines, continuation lines lose their leading
   * spaces. Tabs and spaces before a line break are left to js-yaml. `first` is the rest of line s
   * from the opening quote, which has no closing quote.
   */
  multiLineSingleQuoted(first: string, s: number, parent: number): string {
    if (first.endsWith(' ')) bail();
    const text = this.text;
    const open = this.end(s) - first.length;
    const close = closingQuote(text, open + 1);
    if (close === -1) bail();
    const closeEnd = this.end(close);
    const tab = text.indexOf('\t', open);
    if (tab !== -1 && tab < closeEnd) bail();
    const parts = [first.slice(1)];
    let blank = 0;
    // Continuation lines mostly share one indentation: one native prefix test, not a count of its spaces.
    let pad = '';
    for (let k = this.next(s); ; ) {
      // An empty line (half the lines of an SSE body: each event ends in one) is a break, no more.
      if (text.charCodeAt(k) === 10) {
        blank++;
        k++;
        continue;
      }
      const n = pad !== '' && text.startsWith(pad, k) && text.charCodeAt(k + pad.length) !== 32 ? pad.length : this.indent(k);
      const at = k + n;
      if (text.charCodeAt(at) === 10) {
        blank++;
        k = at + 1;
        continue;
      }
      if (n <= parent) bail();
      if (n !== pad.length) pad = ' '.repeat(n);
      parts.push(blank < FOLDS.length ? FOLDS[blank]! : '\n'.repeat(blank));
      blank = 0;
      const e = this.end(at);
      if (e < close) {
        if (text.charCodeAt(e - 1) === 32) bail();
        parts.push(text.slice(at, e));
        k = e + 1;
        continue;
      }
      // The closing line: only spaces may follow the quote.
      if (this.indent(close + 1) !== e - close - 1) bail();
      parts.push(text.slice(at, close));
      this.pos = e + 1;
      const value = parts.join('').replaceAll("''", "'");
      this.spans?.push({ start: open, end: close + 1, value });
      return value;
    }
  }

  /** A literal block scalar (`|`, `|-`, `|+`), as js-yaml reads it. */
  literal(header: string, s: number, parent: number): string {
    const chomp = header.trimEnd();
    if (chomp !== '|' && chomp !== '|-' && chomp !== '|+') bail();
    const text = this.text;
    const first = this.next(s);
    if (first >= text.length || this.blank(first)) bail(); // leading blank lines
    const indent = this.indent(first);
    if (indent <= parent) bail();
    const fast = literalUniform(text, first, indent, chomp);
    if (fast !== undefined) {
      this.pos = fast.end;
      this.spans?.push({ start: first, end: fast.end, value: fast.value });
      return fast.value;
    }
    const parts: string[] = [];
    // Blank lines are kept aside until a deeper line shows they are inside the scalar.
    let pending = 0;
    let k = first;
    for (; k < text.length; ) {
      const m = this.indent(k);
      const e = this.end(k + m);
      if (k + m === e) {
        if (m > indent) {
          // spaces beyond the indentation are content
          for (; pending > 0; pending--) parts.push('');
          parts.push(text.slice(k + indent, e));
        } else pending++;
        k = e + 1;
        continue;
      }
      if (m < indent) break;
      for (; pending > 0; pending--) parts.push('');
      parts.push(text.slice(k + indent, e));
      k = e + 1;
    }
    // Final newlines are joined in too: appending them would leave a rope to flatten later.
    if (chomp === '|') parts.push('');
    else if (chomp === '|+') for (pending++; pending > 0; pending--) parts.push(''); // and every blank line after it
    this.pos = Math.min(k, text.length);
    const value = parts.join('\n');
    this.spans?.push({ start: first, end: this.pos, value });
    return value;
  }
}

// A literal block (go-vcr's bodies, most of its cassettes) as recorders write it, by native string
// passes instead of a loop over its lines: a YAML file of a few MiB is read by unoptimized code
// (bin/cassette.js), where the loop's steps for each line cost more (~10% of reading the items of
// the bench's go-vcr file). A block that is not so is left to the loop, which decides as before.
// (The same for PyYAML's folded quotes was no faster: its ~3 breaks a line each cost a pass's step.)
const SPACES_ONLY_LINE = /\n +(?:\n|$)/;
/** make(w), made once for each width w. */
function byWidth<T>(make: (w: number) => T): (w: number) => T {
  const made = new Map<number, T>();
  return (w) => {
    let value = made.get(w);
    if (value === undefined) made.set(w, (value = make(w)));
    return value;
  };
}
/** The line break before a line of fewer than w spaces and a character: where a literal block of indentation w ends. */
const BLOCK_END = byWidth((w) => new RegExp(`\\n(?= {0,${w - 1}}[^ \\n])`, 'g'));
/** A line break and w spaces. */
const PAD = byWidth((w) => `\n${' '.repeat(w)}`);

/**
 * literal's scalar whose first line (at `first`) is indented `indent` spaces, when it has no line of
 * spaces only: its lines lose `indent` spaces, the blank lines after the last are chomped, and `end`
 * is where the line after the block starts. Undefined for a block with a line of spaces only.
 */
function literalUniform(text: string, first: number, indent: number, chomp: string): { value: string; end: number } | undefined {
  if (indent < 1) return undefined;
  const endRe = BLOCK_END(indent);
  endRe.lastIndex = first;
  const stop = endRe.exec(text)?.index;
  const end = stop === undefined ? text.length : stop + 1;
  const block = text.slice(first - 1, end);
  if (SPACES_ONLY_LINE.test(block)) return undefined;
  let contentEnd = end;
  while (text.charCodeAt(contentEnd - 1) === 10) contentEnd--;
  const breaks = end - contentEnd;
  const value = text.slice(first + indent, contentEnd).replaceAll(PAD(indent), '\n');
  return { value: chomp === '|' ? `${value}\n` : chomp === '|+' ? value + '\n'.repeat(Math.max(breaks, 1)) : value, end };
}

function keyOf(text: string): { raw: string; name: string } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  if (colon + 1 < text.length && text.charCodeAt(colon + 1) !== 32) return undefined;
  const raw = text.slice(0, colon);
  if (!KEY.test(raw) || raw.endsWith(' ') || raw === '__proto__') return undefined;
  return { raw, name: String(resolve(raw)) };
}

function plain(value: string): unknown {
  if (INDICATOR.test(value) || (value.charCodeAt(0) === 45 && (value.length === 1 || value.charCodeAt(1) === 32))) bail();
  if (value.includes(': ') || value.endsWith(':') || value.includes(' #') || value.includes('\t')) bail();
  return resolve(value);
}

function resolve(value: string): unknown {
  // Shortcuts for js-yaml's default implicit types (IMPLICIT_TAGS), so that most files never need them.
  const c = value.charCodeAt(0);
  // Only null and bool words start with a letter: skip the regexes.
  if (isLetter(c) && !WORDS.has(value)) return value;
  // The null and bool words, `~` and `0`, as js-yaml constructs them.
  if (CONSTANTS.has(value)) return CONSTANTS.get(value);
  // A short decimal without a leading zero (a status code, a length), or its negative, is js-yaml's int, this number.
  if (value.length <= 15 && isDecimal(value, c === 45 ? 1 : 0)) return Number(value);
  // A digit-led value with a character no int, float or timestamp holds (`200 OK`, `812.4ms`) is a
  // string: js-yaml's float and timestamp regexes, run twice, would each be compiled to machine code.
  if (c >= 48 && c <= 57 && hasNonNumeric(value)) return value;
  for (const type of implicitTypes()) if (type.resolve(value)) return type.construct(value);
  return value;
}

/** `/^[1-9][0-9]*$/` from `start` (a loop: that RegExp was compiled at every start). */
function isDecimal(value: string, start: number): boolean {
  const first = value.charCodeAt(start);
  if (!(first >= 49 && first <= 57)) return false;
  for (let i = start + 1; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const CONSTANTS = new Map<string, unknown>([
  ['null', null], ['Null', null], ['NULL', null], ['~', null],
  ['true', true], ['True', true], ['TRUE', true],
  ['false', false], ['False', false], ['FALSE', false],
  ['0', 0],
]);

/**
 * Every character js-yaml's int (`0x1F`, `0o17`, `0b101`, `1_000`), float (`1.5e-3`) and timestamp
 * (`2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43.10 Z`) resolvers accept, and some more:
 * a value holding any other one is none of those.
 */
const NUMERIC = (() => {
  const table = new Uint8Array(128);
  for (const ch of '0123456789abcdefABCDEFxXoObB_+-.eEtTZ: \t') table[ch.charCodeAt(0)] = 1;
  return table;
})();

function hasNonNumeric(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || NUMERIC[c] === 0) return true;
  }
  return false;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** What a quoted scalar's line break folds to after n blank lines (a space, or n newlines), for the usual n: not made anew per line. */
const FOLDS = [' ', '\n', '\n\n', '\n\n\n', '\n\n\n\n'];

/** Where a single-quoted scalar's closing quote is in `text` (from `from`, past `''` pairs), or -1. */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf("'", from); at !== -1; at = text.indexOf("'", at + 2)) {
    if (text.charCodeAt(at + 1) !== 39) return at;
  }
  return -1;
}

function singleQuoted(value: string): string {
  if (value.length < 2 || !value.endsWith("'")) bail();
  const inner = value.slice(1, -1);
  if (inner.replaceAll("''", '').includes("'")) bail();
  return inner.replaceAll("''", "'");
}

function doubleQuoted(value: string): string {
  if (value.length < 2 || !value.endsWith('"') || JSON_ESCAPES.test(value)) bail();
  try {
    return JSON.parse(value) as string; // YAML's escapes that JSON also has mean the same
  } catch {
    return bail();
  }
}
