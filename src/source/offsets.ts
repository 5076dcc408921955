import { isAscii } from 'node:buffer';
import type { SourcePosition } from '../model/types.js';

const LF = 10;

/** Where a byte offset of the file sits in its decoded text: character offset, 1-based line and column. */
export interface TextPoint {
  offset: number;
  line: number;
  column: number;
}

/**
 * Maps byte offsets of a UTF-8 file (at character boundaries) to points of its decoded text
 * without decoding it. Offsets are asked for in increasing order (list items, one after another),
 * so a cursor moves forward and the whole file is counted once; an earlier offset restarts it.
 * `lineStart`, when the caller already knows it, is the 1-based line that starts at the offset
 * (a YAML list item's): its line breaks need no counting.
 */
export function createOffsets(bytes: Uint8Array): (byteOffset: number, lineStart?: number) => TextPoint;
/**
 * The same over bytes read by range (`slice(start, end)`, the file's bytes `[start, end)`), for a
 * file not held in memory; `ascii`: whether every byte of the file is ASCII.
 */
export function createOffsets(length: number, ascii: boolean, slice: (start: number, end: number) => Uint8Array): (byteOffset: number, lineStart?: number) => TextPoint;
export function createOffsets(
  bytesOrLength: Uint8Array | number,
  asciiFile?: boolean,
  sliceOf?: (start: number, end: number) => Uint8Array,
): (byteOffset: number, lineStart?: number) => TextPoint {
  const held = typeof bytesOrLength === 'number' ? undefined : bytesOrLength;
  let ascii = asciiFile;
  const slice = sliceOf ?? ((start: number, end: number) => held!.subarray(start, end));
  let cursor = { byte: 0, chars: 0, line: 1, lineStartByte: 0 };
  const chars = (from: number, to: number): number => ((ascii ??= isAscii(held!)) ? to - from : utf16Length(slice(from, to), 0, to - from));
  return (byteOffset, lineStart) => {
    if (byteOffset < cursor.byte) cursor = { byte: 0, chars: 0, line: 1, lineStartByte: 0 };
    let { line, lineStartByte } = cursor;
    if (lineStart !== undefined) {
      line = lineStart;
      lineStartByte = byteOffset;
    } else {
      // The bytes since the last offset asked for (the item before): counted once, as the cursor moves on.
      const from = cursor.byte;
      const between = slice(from, byteOffset);
      for (let at = between.indexOf(LF); at !== -1; at = between.indexOf(LF, at + 1)) {
        line++;
        lineStartByte = from + at + 1;
      }
    }
    cursor = { byte: byteOffset, chars: cursor.chars + chars(cursor.byte, byteOffset), line, lineStartByte };
    return { offset: cursor.chars, line, column: chars(lineStartByte, byteOffset) + 1 };
  };
}

/** UTF-16 code units of a UTF-8 byte range: one per lead byte, two for a 4-byte sequence. */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b < 0x80 || b >= 0xc0) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/** A position that carries its character offset without printing it (see SourcePosition.offset). */
export function positionWithOffset(line: number, column: number, offset: number): SourcePosition {
  return Object.defineProperty({ line, column }, 'offset', { value: offset, enumerable: false });
}

/** 1-based line and column of `offset` inside `text`, which starts at `start`. */
export function pointIn(text: string, offset: number, start: TextPoint): TextPoint {
  let line = start.line;
  let lineStart = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i;
  }
  return { offset: start.offset + offset, line, column: lineStart === -1 ? start.column + offset : offset - lineStart };
}
