import { gunzipSync, gzipSync } from 'node:zlib';
import { decompressLimit } from '../limits/decompress.js';
import { CassetteInputError } from '../model/errors.js';
import { maskSecret } from '../secrets/mask.js';
import { applyFixes } from './fix.js';
import type { TextEdit } from './types.js';

const BOM = [0xef, 0xbb, 0xbf];

/**
 * `--fix` edits bytes, not re-encoded text: the edits (offsets into `Cassette.text`, which is the
 * file decoded as UTF-8 without its BOM, invalid bytes as U+FFFD) are mapped back to byte offsets of
 * the file as read, and only those byte ranges change. A BOM, CRLFs, invalid UTF-8 or any other byte
 * outside a secret stay as they were. Throws CassetteInputError when an edit does not map exactly
 * (it would start inside a character), so a fix never guesses.
 *
 * `bytes`: the file's bytes (after a whole-file gunzip); `text`: `Cassette.text` of those bytes.
 */
export function applyFixesToBytes(bytes: Uint8Array, text: string, edits: readonly TextEdit[]): Uint8Array {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  for (const e of sorted) if (e.start >= (kept.at(-1)?.end ?? 0)) kept.push(e); // overlapping edits: the first wins
  const bom = BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  const offsets = byteOffsets(bytes, bom, kept.flatMap((e) => [e.start, e.end]));
  const parts: Uint8Array[] = [];
  let at = 0;
  kept.forEach((e, i) => {
    const start = offsets[2 * i]!;
    const end = offsets[2 * i + 1]!;
    if (Buffer.from(bytes.subarray(start, end)).toString('utf8') !== text.slice(e.start, e.end)) {
      throw new CassetteInputError(`cannot fix exactly: the text at offset ${e.start} does not map to whole bytes of the file`);
    }
    parts.push(bytes.subarray(at, start), Buffer.from(e.replacement, 'utf8'));
    at = end;
  });
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts);
}

/**
 * Byte offsets of ascending UTF-16 offsets into the decoded text, decoding as the WHATWG UTF-8
 * decoder does (as Buffer#toString and TextDecoder do): a maximal invalid subpart becomes one
 * U+FFFD, a 4-byte sequence two UTF-16 units. An offset inside a surrogate pair has no byte offset.
 */
export function byteOffsets(bytes: Uint8Array, from: number, unitOffsets: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  let units = 0;
  const settle = (byte: number) => {
    while (next < unitOffsets.length && unitOffsets[next]! <= units) {
      if (unitOffsets[next]! < units) throw new CassetteInputError(`cannot fix exactly: offset ${unitOffsets[next]} is inside a character`);
      out.push(byte);
      next++;
    }
  };
  let i = from;
  settle(i);
  while (i < bytes.length && next < unitOffsets.length) {
    const length = sequenceLength(bytes, i);
    units += length === 4 ? 2 : 1;
    i += Math.abs(length);
    settle(i);
  }
  if (next < unitOffsets.length) throw new CassetteInputError(`cannot fix exactly: offset ${unitOffsets[next]} is past the end of the file`);
  return out;
}

/**
 * Bytes taken by the character at `i`: 1-4 for a valid sequence (4 is two UTF-16 units); for an
 * invalid one of two or more bytes, minus the length of its maximal subpart (one U+FFFD); a lone
 * bad byte is 1.
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let needed: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) needed = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    needed = 2;
    if (b === 0xe0) lower = 0xa0;
    if (b === 0xed) upper = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    needed = 3;
    if (b === 0xf0) lower = 0x90;
    if (b === 0xf4) upper = 0x8f;
  } else return 1;
  for (let k = 1; k <= needed; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < lower || c > upper) return k === 1 ? 1 : -k; // U+FFFD for the k bytes so far
    lower = 0x80;
    upper = 0xbf;
  }
  return needed + 1;
}

/** What `--fix` writes and what `--fix-dry-run` shows for one cassette. */
export interface CassetteFix {
  /** The file's new bytes (gzip-compressed again when the file was). */
  bytes: Uint8Array;
  /** The text before, with every secret an edit removes shown as `sk-p…(51 chars)`: safe to print. */
  before: string;
  /** The text after the edits. */
  after: string;
}

/**
 * Fix one cassette exactly: `fileBytes` as read from disk, `text` its `Cassette.text`, `gzipped`
 * its `Cassette.gzipped`. The edits change bytes of the file, nothing else; a gzipped file is
 * decompressed (within the size limit), edited and compressed again.
 */
export function fixCassetteBytes(fileBytes: Uint8Array, text: string, gzipped: boolean, edits: readonly TextEdit[]): CassetteFix {
  const plain = gzipped ? gunzipSync(fileBytes, decompressLimit()) : fileBytes;
  const fixed = applyFixesToBytes(plain, text, edits);
  const masked = edits.map((e) => (e.secret ? { ...e, replacement: maskSecret(text.slice(e.start, e.end)) } : { ...e, replacement: text.slice(e.start, e.end) }));
  return { bytes: gzipped ? gzipSync(fixed) : fixed, before: applyFixes(text, masked), after: applyFixes(text, edits) };
}
