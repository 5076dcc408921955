import { isAscii } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import jsYaml from 'js-yaml';
import { CassetteInputError, GzipInputError } from '../model/errors.js';
import { decompressLimit, isOverLimit } from '../limits/decompress.js';
import { sizeLimitError } from '../limits/limits.js';
import type { DocPath, SourceKind, SourcePosition } from '../model/types.js';
import { loadYamlDocument } from './yaml-schema.js';
import { createLocator, itemLocator } from './locate.js';
import { splitJsonList } from './json-list.js';
import { streamJsonList, type FilePieces } from './json-stream.js';
import { createOffsets, type TextPoint } from './offsets.js';
import { jsonErrorOffset } from './json-error.js';
import { parseSimpleYaml, type ScalarSpan } from './simple-yaml.js';
import { recordScalarSpans } from './scalar-spans.js';
import { stripBom } from '../text/bom.js';
import { splitYamlFile, splitYamlList, type YamlListSplit } from './yaml-list.js';
import { maskSecretsInText } from '../secrets/mask.js';

/** A cassette file parsed once into plain data, with lazy source positions. */
export interface SourceDocument {
  kind: SourceKind;
  data: unknown;
  text: string;
  gzipped: boolean;
  /** The raw bytes of a text trace (httprr counts lengths in bytes, not characters). */
  bytes?: Uint8Array | undefined;
  locate(path: DocPath): SourcePosition | undefined;
  /**
   * With `lazy`, a YAML interaction list whose items parse one by one: `data[key]` then holds only
   * the first item (enough to detect the format), and `item(i)` parses the others on demand.
   */
  list?: LazyList | undefined;
}

export interface LazyList {
  /** Where the list sits in `data`: `['interactions']`, `['log', 'entries']`, or `[]` for a top-level array. */
  path: string[];
  length: number;
  item(index: number): unknown;
  /**
   * The item's own text and where it starts in the file's text, so positions and searches stay
   * inside one interaction and never need the whole file's text.
   */
  source(index: number): ItemSource;
  /** The document without its list's items, and how many of its characters match the file's. */
  head: { text: string; prefix: number };
}

/** One list item's text; `offset` counts characters of `SourceDocument.text`, `line`/`column` are 1-based. */
export interface ItemSource {
  text: string;
  offset: number;
  line: number;
  column: number;
}

export interface ParseOptions {
  lazy?: boolean | undefined;
  /**
   * With `lazy`, the bytes `[start, end)` of the same file read again (the caller's file, unchanged
   * since it gave the bytes). A lazy list then drops the whole file's bytes once it is split and
   * reads each item's bytes again when it is asked for: a large file is not held in memory while
   * its interactions are read. Used only for a plain file (not gzip, no byte order mark).
   */
  reread?: Reread | undefined;
}

/** The file read again by range (ParseOptions.reread). */
export interface Reread {
  /** The file's bytes `[start, end)`. */
  read(start: number, end: number): Buffer;
  /** Called once the document will not read the bytes it was given any more: the caller may free them. */
  release(): void;
  /**
   * Set when the bytes given are only the file's first ones (a large plain JSON or YAML file, see
   * mayStream): a lazy parse then splits its list while reading the file in pieces through this,
   * and reads each item again when it is asked for; anything else reads the file whole (`read`).
   */
  file?: FilePieces | undefined;
}

/** The decoded file's bytes, held or read again by range (ParseOptions.reread). */
interface ByteSource {
  length: number;
  slice(start: number, end: number): Buffer;
  /** The whole file (`slice(0, length)`). */
  all(): Buffer;
}

function heldBytes(bytes: Buffer): ByteSource {
  return { length: bytes.length, slice: (start, end) => bytes.subarray(start, end), all: () => bytes };
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A cassette file's bytes as its text is read: gunzipped when they are gzip (`gzipped`), without a
 * UTF-8 byte order mark. Throws GzipInputError for a stream that does not decompress, and the size
 * limit's error when the gunzipped file is over it.
 */
export function plainBytes(raw: Uint8Array): { bytes: Buffer; gzipped: boolean } {
  let gzipped = false;
  if (isGzip(raw)) {
    try {
      raw = gunzipSync(raw, decompressLimit());
    } catch (error) {
      if (isOverLimit(error)) throw sizeLimitError('the gunzipped file');
      throw new GzipInputError(`gzip-compressed file is corrupt (${(error as Error).message})`);
    }
    gzipped = true;
  }
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return { bytes: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes, gzipped };
}

/**
 * Whether a file that starts with `head` (its first bytes read, 4 KiB or fewer) is plain JSON or
 * YAML, not gzip and with no byte-order mark, whose list parseSource can split while it reads the
 * file in pieces (Reread.file): the whole file need not be read first.
 */
export function mayStream(head: Uint8Array): boolean {
  const kind = plainKind(head);
  return kind === 'json' || kind === 'yaml';
}

/** What a plain file starting with `head` holds, judged from up to 4 KiB; undefined for gzip, a byte-order mark, or blanks only. */
function plainKind(head: Uint8Array): SourceKind | undefined {
  if (isGzip(head) || (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)) return undefined;
  const peek = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 4096)).toString('utf8');
  return peek.trim() === '' ? undefined : sniffKind(peek);
}

/** Parse a cassette file's bytes: gunzip if needed, then JSON, YAML or a raw text trace. */
export function parseSource(input: Uint8Array | string, options: ParseOptions = {}): SourceDocument {
  const file = options.lazy && typeof input !== 'string' ? options.reread?.file : undefined;
  if (file) {
    const reread = options.reread!;
    const all = () => reread.read(0, file.size);
    const kind = plainKind(input as Uint8Array);
    const streamed = kind === 'json' ? streamedJson(file, all) : kind === 'yaml' ? streamedYaml(file, reread, all) : undefined;
    if (streamed) return streamed;
    // Not a list it could split in pieces: the whole file, read as usual (a broken one gets its usual error).
    input = options.reread!.read(0, file.size);
  }
  let gzipped = false;
  // The whole text is decoded only when something asks for it: a streamed YAML list never does.
  let text: string | undefined = typeof input === 'string' ? stripBom(input) : undefined;
  let bytes: Buffer;
  if (text !== undefined) bytes = Buffer.from(text, 'utf8');
  else ({ bytes, gzipped } = plainBytes(input as Uint8Array));
  // Read again by range only when they are the file's own bytes, as they are on disk.
  const reread = options.lazy && options.reread && typeof input !== 'string' && !gzipped && bytes.length === input.length ? options.reread : undefined;
  // No closure below holds `bytes`: `source` does, or only reads them again (see ParseOptions.reread).
  let source = heldBytes(bytes);
  // Buffer's decoder is V8's fast path; invalid sequences become U+FFFD like TextDecoder's.
  const textOf = () => (text ??= source.all().toString('utf8'));
  const peek = bytes.length > 4096 ? bytes.toString('utf8', 0, 4096) : '';
  const kind = sniffKind(peek.trim() !== '' ? peek : textOf());
  const locate = createLocator(textOf, kind);
  const list = kind === 'yaml' ? lazyYamlList(bytes, () => source, textOf) : kind === 'json' ? lazyJsonList(bytes, () => source, textOf) : undefined;
  // YAML only: a JSON list read again by range cost ~18% more CPU (lint on a 10 MiB HAR or nock
  // file: 0.58 -> 0.69 s) for ~8 MB less peak RSS, and HAR and nock missed goal 1 (RSS) either way.
  if (list && reread && kind === 'yaml') {
    const length = bytes.length;
    source = { length, slice: (start, end) => reread.read(start, end), all: () => reread.read(0, length) };
    reread.release();
  }
  if (list) {
    const doc: SourceDocument = {
      kind,
      data: list.data,
      get text() {
        return textOf();
      },
      gzipped,
      locate: itemLocator(list, kind, locate),
      list,
    };
    if (!options.lazy) materialize(doc);
    return doc;
  }
  const whole = textOf();
  const data = kind === 'json' ? parseJson(whole) : kind === 'yaml' ? parseYaml(whole) : whole;
  return { kind, data, text: whole, gzipped, bytes: kind === 'text' ? bytes : undefined, locate };
}

/** Replace a lazy list in `doc.data` by all its items, for code that reads the whole document. */
export function materialize(doc: SourceDocument): void {
  const list = doc.list;
  if (!list) return;
  const items = Array.from({ length: list.length }, (_, i) => list.item(i));
  if (list.path.length === 0) doc.data = items;
  else {
    let parent = doc.data as Record<string, unknown>;
    for (const key of list.path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    parent[list.path[list.path.length - 1]!] = items;
  }
  doc.list = undefined;
}

type ParsedItem = { ok: true; value: unknown } | { ok: false };

/**
 * The head of the document parsed, its first item in place, the rest parsed on demand. An item
 * that does not parse alone (an alias to another item, say) makes the whole document parse once,
 * which also gives a broken file its usual error and position.
 */
function lazyYamlList(bytes: Buffer, source: () => ByteSource, textOf: () => string): (LazyList & { data: unknown }) | undefined {
  const split = splitYamlList(bytes);
  const head = split && yamlHead(split);
  if (!head) return undefined;
  return lazyList(rangeSource(heldFile(bytes, split.prefix), source, split), [split.key], head, parseYamlItem, () => parseYaml(textOf()));
}

/** The head of a YAML document whose list was emptied, parsed; undefined when it does not parse or has no empty list there. */
function yamlHead(split: YamlListSplit): Record<string, unknown> | undefined {
  let head: unknown;
  try {
    head = parseYamlHead(split.head);
  } catch {
    return undefined;
  }
  return isPlainRecord(head) && Array.isArray(head[split.key]) && (head[split.key] as unknown[]).length === 0 ? head : undefined;
}

/**
 * The head (`interactions: []` and the other top-level keys), read by simple-yaml as the one item
 * of a sequence when it is a plain block mapping, after a document start line (`---`, as go-vcr
 * writes) if any: js-yaml's set-up cost more than the rest of reading a small cassette (~2 M
 * instructions of a one-file run). Anything else (a comment, another document marker) goes to js-yaml.
 */
function parseYamlHead(head: string): unknown {
  const body = /^---\r?\n[A-Za-z_]/.test(head) && !/\n(?:---|\.\.\.)(?:\s|$)/.test(head) ? head.slice(head.indexOf('\n') + 1) : head;
  if (/^[A-Za-z_]/.test(body)) {
    const simple = parseSimpleYaml(`- ${body.replace(/\n(?=.)/g, '\n  ')}`);
    if (simple?.length === 1) return simple[0];
  }
  return loadYamlDocument(head);
}

/** The same for a JSON cassette's list (nock's top-level array, HAR's `log.entries`, ...). */
function lazyJsonList(bytes: Buffer, source: () => ByteSource, textOf: () => string): (LazyList & { data: unknown }) | undefined {
  const split = splitJsonList(bytes);
  const head = split && jsonHead(split.head, split.path);
  if (!head) return undefined;
  return lazyList(rangeSource(heldFile(bytes, split.prefix), source, split), split.path, head, parseJsonItem, () => parseJson(textOf()));
}

/** The head of a JSON document whose list (at `path`) was emptied, parsed; undefined when it does not parse or has no empty list there. */
function jsonHead(text: string, path: readonly string[]): unknown {
  let head: unknown;
  try {
    head = JSON.parse(text);
  } catch {
    return undefined;
  }
  const list = valueAtPath(head, path);
  return Array.isArray(list) && list.length === 0 ? head : undefined;
}

/**
 * A large plain JSON file's list split while the file is read in pieces (see json-stream.ts): the
 * file is never held whole, unless something asks for its whole text (`all`, the file read whole).
 * Undefined when the list does not split so (parseSource then reads the file whole).
 */
function streamedJson(file: FilePieces, all: () => Buffer): SourceDocument | undefined {
  const split = streamJsonList(file);
  const head = split && jsonHead(split.head, split.path);
  if (!head) return undefined;
  let text: string | undefined;
  const textOf = () => (text ??= all().toString('utf8'));
  const list = lazyList({ ...split, head: { text: split.head, prefix: split.prefix } }, split.path, head, parseJsonItem, () => parseJson(textOf()));
  return list && streamedDocument('json', list, textOf);
}

/**
 * The same for a large plain YAML file (see splitYamlFile); its items are read again by range
 * with `reread.read`.
 */
function streamedYaml(file: FilePieces, reread: Reread, all: () => Buffer): SourceDocument | undefined {
  const split = splitYamlFile(file);
  const head = split && yamlHead(split);
  if (!head) return undefined;
  let text: string | undefined;
  const textOf = () => (text ??= all().toString('utf8'));
  const source: ByteSource = { length: file.size, slice: (start, end) => reread.read(start, end), all };
  const list = lazyList(rangeSource({ length: file.size, ascii: split.ascii, prefixChars: split.prefixChars }, () => source, split), [split.key], head, parseYamlItem, () => parseYaml(textOf()));
  return list && streamedDocument('yaml', list, textOf);
}

/** A document whose list is read from the file in pieces: its whole text only when asked for. */
function streamedDocument(kind: SourceKind, list: LazyList & { data: unknown }, textOf: () => string): SourceDocument {
  return {
    kind,
    data: list.data,
    get text() {
      return textOf();
    },
    gzipped: false,
    locate: itemLocator(list, kind, createLocator(textOf, kind)),
    list,
  };
}

/** A list's items, however they are read: each one's text and where it starts, and the head. */
interface ItemTexts {
  length: number;
  textAt(index: number): string;
  pointAt(index: number): TextPoint;
  head: { text: string; prefix: number };
}

/** A file's length in bytes, whether every byte is ASCII, and the characters of its head's prefix (see rangeSource). */
interface FileFacts {
  length: number;
  ascii: boolean;
  prefixChars: number;
}

/** FileFacts of held bytes whose head shares `prefix` bytes with them. */
function heldFile(bytes: Buffer, prefix: number): FileFacts {
  return { length: bytes.length, ascii: isAscii(bytes), prefixChars: bytes.toString('utf8', 0, prefix).length };
}

/**
 * Items by their byte ranges in the file's bytes, read from `source()`, which parseSource may turn
 * from the held bytes into reads of the file.
 */
function rangeSource(file: FileFacts, source: () => ByteSource, split: { items: readonly { start: number; end: number; line?: number }[]; head: string }): ItemTexts {
  const ranges = split.items;
  const offsets = createOffsets(file.length, file.ascii, (start, end) => source().slice(start, end));
  return {
    length: ranges.length,
    textAt: (index) => source().slice(ranges[index]!.start, ranges[index]!.end).toString('utf8'),
    pointAt: (index) => offsets(ranges[index]!.start, ranges[index]!.line),
    head: { text: split.head, prefix: file.prefixChars },
  };
}

/** The list over `items`, its first item parsed in place in `head`, the rest parsed on demand. */
function lazyList(items: ItemTexts, path: string[], head: unknown, parseItem: (text: string) => ParsedItem, parseWhole: () => unknown): (LazyList & { data: unknown }) | undefined {
  let whole: unknown;
  // The last item's text, decoded once for both its value and its source.
  let last = { index: -1, text: '' };
  const textAt = (index: number): string => {
    if (last.index !== index) last = { index, text: items.textAt(index) };
    return last.text;
  };
  // The last item parsed, since a reader and a lint rule both ask for it.
  let parsed = { index: -1, value: undefined as unknown };
  const item = (index: number): unknown => {
    if (parsed.index === index) return parsed.value;
    if (whole === undefined) {
      const one = parseItem(textAt(index));
      if (one.ok) {
        parsed = { index, value: one.value };
        return one.value;
      }
      whole = parseWhole();
    }
    return (valueAtPath(whole, path) as unknown[])[index];
  };
  const first = parseItem(textAt(0));
  if (!first.ok) return undefined;
  (path.length === 0 ? (head as unknown[]) : (valueAtPath(head, path) as unknown[])).push(first.value);
  return {
    path,
    length: items.length,
    item: (i) => (i === 0 ? first.value : item(i)),
    source: (i) => ({ text: textAt(i), ...items.pointAt(i) }),
    head: items.head,
    data: head,
  };
}

function parseYamlItem(text: string): ParsedItem {
  // Where its long scalars are, for lint's secret-text (see scalar-spans.ts).
  const spans: ScalarSpan[] = [];
  const simple = parseSimpleYaml(text, spans);
  if (simple?.length === 1) {
    recordScalarSpans(simple[0], text, spans);
    return { ok: true, value: simple[0] };
  }
  try {
    const value = loadYamlDocument(text);
    return Array.isArray(value) && value.length === 1 ? { ok: true, value: value[0] } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function parseJsonItem(text: string): ParsedItem {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function valueAtPath(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const key of path) v = isPlainRecord(v) ? v[key] : undefined;
  return v;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sniffKind(text: string): SourceKind {
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (head.startsWith('httprr trace')) return 'text';
  return 'yaml';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const position = offset >= 0 ? positionAt(text, offset) : undefined;
    // Masked before the cut: twelve characters of a key are no key shape any more, and would be printed.
    const near = offset >= 0 ? ` near ${JSON.stringify(maskSecretsInText(text.slice(offset, offset + 600)).slice(0, 12))}` : '';
    const reason = offset >= text.length ? 'unexpected end of input' : `unexpected character${near}`;
    throw new CassetteInputError(`invalid JSON: ${reason}`, { position });
  }
}

function parseYaml(text: string): unknown {
  try {
    return loadYamlDocument(text);
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      const position = mark?.line !== undefined ? { line: mark.line + 1, column: (mark.column ?? 0) + 1 } : undefined;
      throw new CassetteInputError(`invalid YAML: ${error.reason}`, { position });
    }
    throw error;
  }
}

/** 1-based line and column of a string offset. */
export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
