import { gunzipSync } from 'node:zlib';
import jsYaml from 'js-yaml';
import { CassetteInputError } from '../model/errors.js';
import type { DocPath, SourceKind, SourcePosition } from '../model/types.js';
import { CASSETTE_YAML_SCHEMA } from './yaml-schema.js';
import { createLocator } from './locate.js';
import { jsonErrorOffset } from './json-error.js';

/** A cassette file parsed once into plain data, with lazy source positions. */
export interface SourceDocument {
  kind: SourceKind;
  data: unknown;
  text: string;
  gzipped: boolean;
  /** The raw bytes of a text trace (httprr counts lengths in bytes, not characters). */
  bytes?: Uint8Array | undefined;
  locate(path: DocPath): SourcePosition | undefined;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Parse a cassette file's bytes: gunzip if needed, then JSON, YAML or a raw text trace. */
export function parseSource(input: Uint8Array | string): SourceDocument {
  let gzipped = false;
  let text: string;
  let raw: Uint8Array | undefined;
  if (typeof input === 'string') text = input;
  else {
    let bytes = input;
    if (isGzip(bytes)) {
      try {
        bytes = gunzipSync(bytes);
      } catch (error) {
        throw new CassetteInputError(`gzip-compressed file is corrupt (${(error as Error).message})`);
      }
      gzipped = true;
    }
    // Buffer's decoder is V8's fast path; invalid sequences become U+FFFD like TextDecoder's.
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    raw = bytes;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const kind = sniffKind(text);
  const data = kind === 'json' ? parseJson(text) : kind === 'yaml' ? parseYaml(text) : text;
  const bytes = kind === 'text' ? (raw ?? Buffer.from(text, 'utf8')) : undefined;
  return { kind, data, text, gzipped, bytes, locate: createLocator(text, kind) };
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
    const near = offset >= 0 ? ` near ${JSON.stringify(text.slice(offset, offset + 12))}` : '';
    const reason = offset >= text.length ? 'unexpected end of input' : `unexpected character${near}`;
    throw new CassetteInputError(`invalid JSON: ${reason}`, { position });
  }
}

function parseYaml(text: string): unknown {
  try {
    return jsYaml.load(text, { schema: CASSETTE_YAML_SCHEMA, json: true });
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
