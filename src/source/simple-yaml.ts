import jsYaml from 'js-yaml';
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
    if (start >= lines.length || !isDash(lines[start]!, indentOf(lines[start]!))) return undefined;
    const [value, next] = reader.sequence(start, indentOf(lines[start]!));
    return reader.skipBlank(next) === lines.length ? value : undefined;
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

function isBlank(line: string): boolean {
  return indentOf(line) === line.length;
}

class Reader {
  constructor(private readonly lines: string[]) {}

  skipBlank(i: number): number {
    while (i < this.lines.length && isBlank(this.lines[i]!)) i++;
    return i;
  }

  /** A block node starting at line i whose indentation must exceed `parent`; null when there is none. */
  block(i: number, parent: number, sequenceAtParent: boolean): [unknown, number] {
    const j = this.skipBlank(i);
    if (j >= this.lines.length) return [null, j];
    const line = this.lines[j]!;
    const n = indentOf(line);
    if (line.charCodeAt(n) === 9 || line.charCodeAt(n) === 35) bail(); // tab or comment
    if (n > parent) return isDash(line, n) ? this.sequence(j, n) : this.mapping(j, n, line);
    // `key:` followed by `- item` at the key's own indentation is a sequence value.
    if (n === parent && sequenceAtParent && isDash(line, n)) return this.sequence(j, n);
    return [null, j];
  }

  sequence(i: number, n: number): [unknown[], number] {
    const out: unknown[] = [];
    for (;;) {
      i = this.skipBlank(i);
      const line = this.lines[i];
      if (line === undefined || indentOf(line) !== n || !isDash(line, n)) {
        if (line !== undefined && indentOf(line) > n) bail();
        return [out, i];
      }
      const rest = line.slice(n + 2);
      if (rest.trim() === '') {
        const [value, next] = this.block(i + 1, n, false);
        out.push(value);
        i = next;
      } else if (isDash(rest, 0) || rest.charCodeAt(0) === 32) {
        bail(); // `- - x` or extra spaces
      } else if (keyOf(rest) !== undefined) {
        // `- key: value`: a mapping whose first line shares the dash's line.
        const [value, next] = this.mapping(i, n + 2, ' '.repeat(n + 2) + rest);
        out.push(value);
        i = next;
      } else {
        const [value, next] = this.scalar(rest, i, n);
        out.push(value);
        i = next;
      }
    }
  }

  mapping(i: number, n: number, firstLine: string): [Record<string, unknown>, number] {
    const out: Record<string, unknown> = {};
    let line: string | undefined = firstLine;
    for (;;) {
      const key = keyOf(line.slice(n));
      if (key === undefined) bail();
      const rest = line.slice(n + key!.raw.length + 1).trimStart();
      let value: unknown;
      let next: number;
      if (rest === '') [value, next] = this.block(i + 1, n, true);
      else [value, next] = this.scalar(rest, i, n);
      out[key!.name] = value;
      i = this.skipBlank(next);
      line = this.lines[i];
      if (line === undefined) return [out, i];
      const m = indentOf(line);
      if (m > n) bail(); // a continuation line: a multi-line scalar
      if (m < n || isDash(line, m)) return [out, i];
    }
  }

  /** A scalar written after `key: ` or `- ` on line i; returns the line after it. */
  scalar(rest: string, i: number, parent: number): [unknown, number] {
    const c = rest.charCodeAt(0);
    if (c === 124) return this.literal(rest, i, parent); // |
    const value = rest.trimEnd();
    if (c === 39) return [singleQuoted(value), i + 1]; // '
    if (c === 34) return [doubleQuoted(value), i + 1]; // "
    if (value === '{}') return [{}, i + 1];
    if (value === '[]') return [[], i + 1];
    return [plain(value), i + 1];
  }

  /** A literal block scalar (`|`, `|-`, `|+`), as js-yaml reads it. */
  literal(header: string, i: number, parent: number): [string, number] {
    const chomp = header.trimEnd();
    if (chomp !== '|' && chomp !== '|-' && chomp !== '|+') bail();
    const first = i + 1;
    if (first >= this.lines.length || isBlank(this.lines[first]!)) bail(); // leading blank lines
    const indent = indentOf(this.lines[first]!);
    if (indent <= parent) bail();
    let end = first;
    let lastContent = first;
    for (; end < this.lines.length; end++) {
      const line = this.lines[end]!;
      const m = indentOf(line);
      if (m === line.length) {
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
    return [parts.join('\n'), end];
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

/** Exported for tests: the same document through js-yaml. */
export function parseWithJsYaml(text: string): unknown {
  return jsYaml.load(text, { schema: CASSETTE_YAML_SCHEMA, json: true });
}
