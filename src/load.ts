import { CassetteInputError, NotHttpError, UsageError } from './model/errors.js';
import type { Cassette } from './model/types.js';
import { FORMATS, findFormat } from './formats/index.js';
import { notHttpKind } from './formats/not-http.js';
import { parseSource } from './source/document.js';

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
  const parsed = adapter.parse(doc);
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
