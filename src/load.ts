import { CassetteInputError, NotHttpError, UsageError } from './model/errors.js';
import type { Cassette } from './model/types.js';
import { FORMATS, findFormat, type FormatAdapter, type ParsedCassette } from './formats/index.js';
import { notHttpKind } from './formats/not-http.js';
import { parseSource, type SourceDocument } from './source/document.js';

export interface LoadOptions {
  /** Force a format id instead of detecting it. */
  format?: string | undefined;
}

/** Parse one cassette file's content into the normalized model. Throws CassetteInputError on bad input. */
export function loadCassette(input: Uint8Array | string, path: string, options: LoadOptions = {}): Cassette {
  const doc = parseSource(input);
  if (doc.text.trim() === '') throw new CassetteInputError('empty file: no cassette in it');
  let adapter;
  if (options.format) {
    adapter = findFormat(options.format);
    if (!adapter) throw new UsageError(`unknown format "${options.format}" (known: ${FORMATS.map((f) => f.id).join(', ')})`);
  } else {
    adapter = FORMATS.find((f) => f.detect(doc));
    if (!adapter) {
      const kind = notHttpKind(doc);
      if (kind) throw new NotHttpError(kind);
      throw new CassetteInputError(`not a recognised cassette (tried ${FORMATS.map((f) => f.id).join(', ')})`);
    }
  }
  const parsed = options.format ? parseForced(adapter, doc) : adapter.parse(doc);
  return {
    path,
    format: parsed.format,
    version: parsed.version,
    recordedWith: parsed.recordedWith,
    interactions: parsed.interactions,
    warnings: parsed.warnings,
    data: doc.data,
    sourceKind: doc.kind,
    text: doc.text,
    gzipped: doc.gzipped,
    locate: parsed.locate ?? doc.locate,
  };
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
