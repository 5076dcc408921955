import { CassetteInputError, GzipInputError, NotCassetteError, NotHttpError, UsageError } from './model/errors.js';
import type { Cassette, Interaction, LoadWarning } from './model/types.js';
import { FORMATS, findFormat, type FormatAdapter, type ParsedCassette } from './formats/index.js';
import { cassetteLikeKey, incompleteInteraction } from './formats/cassette-like.js';
import { notHttpKind } from './formats/not-http.js';
import { isGzip, materialize, parseSource, type ItemSource, type Reread, type SourceDocument } from './source/document.js';

export interface LoadOptions {
  /** Force a format id instead of detecting it. */
  format?: string | undefined;
}

export interface OpenOptions extends LoadOptions {
  /** The file read again by range: a large list's items are then not held (see ParseOptions.reread). */
  reread?: Reread | undefined;
}

/** Parse one cassette file's content into the normalized model. Throws CassetteInputError on bad input. */
export function loadCassette(input: Uint8Array | string, path: string, options: LoadOptions = {}): Cassette {
  refuseFakeGzip(input, path);
  const doc = parseSource(input);
  const adapter = chooseAdapter(doc, options);
  return toCassette(path, doc, options.format ? parseForced(adapter, doc) : adapter.parse(doc));
}

function toCassette(path: string, doc: SourceDocument, parsed: ParsedCassette): Cassette {
  const cassette = {
    path,
    format: parsed.format,
    version: parsed.version,
    recordedWith: parsed.recordedWith,
    interactions: parsed.interactions,
    warnings: parsed.warnings,
    data: doc.data,
    sourceKind: doc.kind,
    gzipped: doc.gzipped,
    locate: parsed.locate ?? doc.locate,
  } as Omit<Cassette, 'text'> as Cassette;
  // The file's text is decoded only if something (a position, a lint fix) asks for it.
  return Object.defineProperty(cassette, 'text', { enumerable: true, get: () => doc.text });
}

/** A cassette whose interactions are mapped one at a time, as they are consumed. */
export interface CassetteStream {
  /**
   * Everything but the interactions. For a streamed file `interactions` stays empty, `data` holds
   * the document with only the list's first item, and `warnings` fills in as interactions are read.
   */
  cassette: Cassette;
  interactionCount: number;
  /** The interactions, read and mapped one at a time; call it once. */
  interactions(): Iterable<Interaction>;
  /** For a streamed file: where the list sits in `data`, and each item's raw value and source. */
  list?: { path: readonly string[]; item(index: number): unknown; source(index: number): ItemSource } | undefined;
}

/**
 * Like loadCassette, but a cassette whose interactions are one list (every YAML and JSON
 * recorder's layout) is read item by item, so a command that handles one interaction at a time
 * holds one interaction in memory, not all.
 */
export function openCassette(input: Uint8Array | string, path: string, options: OpenOptions = {}): CassetteStream {
  refuseFakeGzip(input, path);
  const doc = parseSource(input, { lazy: true, reread: options.reread });
  let adapter: FormatAdapter;
  try {
    adapter = chooseAdapter(doc, options);
  } catch (error) {
    // Detection may need more than the first item (VCR.py's looks at all): choose on the whole list.
    if (!doc.list || error instanceof UsageError) throw error;
    materialize(doc);
    adapter = chooseAdapter(doc, options);
  }
  const list = doc.list;
  const reader = adapter.list;
  if (!list || !reader || options.format || list.path.join('.') !== reader.path.join('.')) {
    // Detection may look past the first item (VCR.py's does): choose again on the whole list.
    if (list) {
      materialize(doc);
      adapter = chooseAdapter(doc, options);
    }
    const cassette = toCassette(path, doc, options.format ? parseForced(adapter, doc) : adapter.parse(doc));
    return { cassette, interactionCount: cassette.interactions.length, interactions: () => cassette.interactions };
  }
  const head = reader.head(doc);
  const warnings: LoadWarning[] = [];
  const cassette = toCassette(path, doc, { ...head, interactions: [], warnings });
  function* interactions(): Generator<Interaction> {
    for (let i = 0; i < list!.length; i++) {
      let interaction: Interaction;
      try {
        interaction = reader!.interaction(list!.item(i), i, doc, warnings);
      } catch (error) {
        // A file cut midway breaks in one item: the error names it.
        if (error instanceof CassetteInputError && error.details.interaction === undefined) throw new CassetteInputError(error.message, { ...error.details, interaction: i });
        throw error;
      }
      yield interaction;
    }
  }
  return { cassette, interactionCount: list.length, interactions, list: { path: list.path, item: list.item, source: list.source } };
}

/** Bytes named `.gz` are gzip, as gunzip reads them: bytes that are not are refused, not read (or searched) as text. */
function refuseFakeGzip(input: Uint8Array | string, path: string): void {
  if (typeof input !== 'string' && input.length > 0 && /\.gz$/i.test(path) && !isGzip(input)) throw new GzipInputError('named .gz but not gzip-compressed (not in gzip format)');
}

function chooseAdapter(doc: SourceDocument, options: LoadOptions): FormatAdapter {
  if (!doc.list && doc.text.trim() === '') throw new CassetteInputError('empty file: no cassette in it');
  if (options.format) {
    const adapter = findFormat(options.format);
    if (!adapter) throw new UsageError(`unknown format "${options.format}" (known: ${FORMATS.map((f) => f.id).join(', ')})`);
    return adapter;
  }
  const adapter = FORMATS.find((f) => f.detect(doc));
  if (adapter) return adapter;
  const kind = notHttpKind(doc);
  if (kind) throw new NotHttpError(kind);
  const tried = `tried ${FORMATS.map((f) => f.id).join(', ')}`;
  // A document with a cassette's keys is a broken cassette; anything else is another kind of file.
  const key = cassetteLikeKey(doc);
  if (key) {
    const cut = incompleteInteraction(doc);
    if (cut) throw new CassetteInputError(`the interaction has no ${cut.missing}: the file may be cut short (no recorder format matches its shape; ${tried})`, { interaction: cut.index, position: doc.locate(cut.path) });
    throw new CassetteInputError(`has ${key} like a cassette, but no recorder format matches its shape (${tried})`);
  }
  throw new NotCassetteError(`not a recognised cassette (${tried})`);
}

/**
 * `--format` skips detection, so the adapter may meet a document of another shape: what would be a
 * TypeError deep in an adapter, or an empty result from an unrelated file, is reported as input.
 */
function parseForced(adapter: FormatAdapter, doc: SourceDocument): ParsedCassette {
  const matches = adapter.detect(doc);
  let parsed: ParsedCassette;
  try {
    parsed = adapter.parse(doc);
  } catch (error) {
    if (error instanceof CassetteInputError) throw error;
    throw new CassetteInputError(`not a ${adapter.id} cassette: the document does not have the shape ${adapter.id} writes`);
  }
  if (!matches && parsed.interactions.length === 0) throw new CassetteInputError(`not a ${adapter.id} cassette: no interactions in the shape it writes`);
  return parsed;
}
