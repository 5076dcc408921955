import { CASSETTE_YAML_SCHEMA } from './yaml-schema.js';

/**
 * A fast reader for the plain block YAML that recorders emit (go-yaml, PyYAML, Psych): block
 * mappings and sequences, one-line plain and quoted scalars, literal block scalars, `{}` and `[]`.
 * It gives exactly what js-yaml gives or, on anything else (anchors, tags, flow collections,
 * folded or multi-line scalars, comments, tabs), undefined so the caller falls back to js-yaml.
 * Plain scalars are resolved by js-yaml's own implicit types, so `1`, `true`, `~` and dates agree.
 */
export function parseSimpleYaml(text: string): unknown[] | undefined {
  if (!IMPLICIT || text.includes('\r')) return undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const reader = new Reader(lines);
  try {
    const start = reader.skipBlank(0);
    if (start >= lines.length || !isDash(lines[start]!, reader.indents[start]!)) return undefined;
    const value = reader.sequence(start, reader.indents[start]!);
    return reader.skipBlank(reader.pos) === lines.length ? value : undefined;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

// js-yaml's compiled implicit types (null, bool, int, float, timestamp, merge), in its order.
const IMPLICIT = (CASSETTE_YAML_SCHEMA as unknown as { compiledImplicit?: ImplicitType[] }).compiledImplicit;

const BAIL = Symbol('bail');
const bail = (): never => {
  throw BAIL;
};

/** Characters that start something other than a plain scalar. */
const INDICATOR = /^[[\]{}#&*!|>'"%@`,?:]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_\-./ ]*$/;
const JSON_ESCAPES = /\\[^"\\/bfnrtu]/;

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function isDash(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 45 && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 32);
}

/** Reads nodes line by line; each read leaves `pos` at the line after the node. */
class Reader {
  readonly indents: number[];
  pos = 0;

  constructor(private readonly lines: string[]) {
    this.indents = lines.map(indentOf);
  }

  private blank(i: number): boolean {
    return this.indents[i] === this.lines[i]!.length;
  }

  skipBlank(i: number): number {
    while (i < this.lines.length && this.blank(i)) i++;
    return i;
  }

  /** A block node starting at line i whose indentation must exceed `parent`; null when there is none. */
  block(i: number, parent: number, sequenceAtParent: boolean): unknown {
    const j = this.skipBlank(i);
    this.pos = j;
    if (j >= this.lines.length) return null;
    const line = this.lines[j]!;
    const n = this.indents[j]!;
    if (line.charCodeAt(n) === 9 || line.charCodeAt(n) === 35) bail(); // tab or comment
    if (n > parent) return isDash(line, n) ? this.sequence(j, n) : this.mapping(j, n, line.slice(n));
    // `key:` followed by `- item` at the key's own indentation is a sequence value.
    if (n === parent && sequenceAtParent && isDash(line, n)) return this.sequence(j, n);
    return null;
  }

  sequence(i: number, n: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      i = this.skipBlank(i);
      const line = this.lines[i];
      if (line === undefined || this.indents[i] !== n || !isDash(line, n)) {
        if (line !== undefined && this.indents[i]! > n) bail();
        this.pos = i;
        return out;
      }
      const rest = line.slice(n + 2);
      if (rest.trim() === '') out.push(this.block(i + 1, n, false));
      else if (isDash(rest, 0) || rest.charCodeAt(0) === 32) bail(); // `- - x` or extra spaces
      // `- key: value`: a mapping whose first line shares the dash's line.
      else if (keyOf(rest) !== undefined) out.push(this.mapping(i, n + 2, rest));
      else out.push(this.scalar(rest, i, n));
      i = this.pos;
    }
  }

  /** A block mapping at indentation n whose first key line, without its indentation, is `first`. */
  mapping(i: number, n: number, first: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let text = first;
    for (;;) {
      const key = keyOf(text);
      if (key === undefined) return bail();
      const rest = text.slice(key.raw.length + 1).trimStart();
      out[key.name] = rest === '' ? this.block(i + 1, n, true) : this.scalar(rest, i, n);
      i = this.skipBlank(this.pos);
      this.pos = i;
      const line = this.lines[i];
      if (line === undefined) return out;
      const m = this.indents[i]!;
      if (m > n) bail(); // a continuation line: a multi-line scalar
      if (m < n || isDash(line, m)) return out;
      text = line.slice(n);
    }
  }

  /** A scalar written after `key: ` or `- ` on line i. */
  scalar(rest: string, i: number, parent: number): unknown {
    const c = rest.charCodeAt(0);
    if (c === 124) return this.literal(rest, i, parent); // |
    if (c === 39 && closingQuote(rest, 1) === -1) return this.multiLineSingleQuoted(rest, i, parent); // '
    this.pos = i + 1;
    const value = rest.trimEnd();
    if (c === 39) return singleQuoted(value); // '
    if (c === 34) return doubleQuoted(value); // "
    if (value === '{}') return {};
    if (value === '[]') return [];
    return plain(value);
  }

  /**
   * A single-quoted scalar over several lines, as PyYAML writes long strings (VCR.py's bodies): each
   * line break folds to a space, n blank lines to n newlines, continuation lines lose their leading
   * spaces. Tabs and spaces before a line break are left to js-yaml.
   */
  multiLineSingleQuoted(first: string, i: number, parent: number): string {
    if (first.includes('\t') || first.endsWith(' ')) bail();
    const parts = [first.slice(1)];
    let blank = 0;
    for (let k = i + 1; k < this.lines.length; k++) {
      const line = this.lines[k]!;
      const n = this.indents[k]!;
      if (n === line.length) {
        blank++;
        continue;
      }
      if (n <= parent || line.includes('\t')) bail();
      parts.push(blank === 0 ? ' ' : '\n'.repeat(blank));
      blank = 0;
      const content = line.slice(n);
      const end = closingQuote(content, 0);
      if (end === -1) {
        if (content.endsWith(' ')) bail();
        parts.push(content);
        continue;
      }
      if (end + 1 !== content.trimEnd().length) bail(); // something after the closing quote
      parts.push(content.slice(0, end));
      this.pos = k + 1;
      return parts.join('').replaceAll("''", "'");
    }
    return bail();
  }

  /** A literal block scalar (`|`, `|-`, `|+`), as js-yaml reads it. */
  literal(header: string, i: number, parent: number): string {
    const chomp = header.trimEnd();
    if (chomp !== '|' && chomp !== '|-' && chomp !== '|+') bail();
    const first = i + 1;
    if (first >= this.lines.length || this.blank(first)) bail(); // leading blank lines
    const indent = this.indents[first]!;
    if (indent <= parent) bail();
    let end = first;
    let lastContent = first;
    for (; end < this.lines.length; end++) {
      const m = this.indents[end]!;
      if (m === this.lines[end]!.length) {
        if (m > indent) lastContent = end; // spaces beyond the indentation are content
        continue;
      }
      if (m < indent) break;
      lastContent = end;
    }
    const parts: string[] = [];
    for (let k = first; k <= lastContent; k++) parts.push(this.lines[k]!.slice(indent));
    // Final newlines are joined in too: appending them would leave a rope to flatten later.
    if (chomp === '|') parts.push('');
    else if (chomp === '|+') for (let k = lastContent; k < end; k++) parts.push(''); // and every blank line after it
    this.pos = end;
    return parts.join('\n');
  }
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
  // With the default implicit types only null and bool words start with a letter: skip the regexes.
  if (DEFAULT_IMPLICIT && isLetter(value.charCodeAt(0)) && !WORDS.has(value)) return value;
  for (const type of IMPLICIT!) if (type.resolve(value)) return type.construct(value);
  return value;
}

const WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const DEFAULT_IMPLICIT =
  (IMPLICIT ?? []).map((t) => (t as { tag?: string }).tag).join() ===
  ['null', 'bool', 'int', 'float', 'timestamp', 'merge'].map((t) => `tag:yaml.org,2002:${t}`).join();

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

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
