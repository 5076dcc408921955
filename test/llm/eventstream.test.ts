import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, decodeEventStream, encodeEventStreamFrame, looksLikeEventStream } from '../../src/llm/eventstream.js';

const frame = (eventType: string, payload: unknown) =>
  encodeEventStreamFrame({ ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' }, JSON.stringify(payload));

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('crc32', () => {
  it.each([
    ['', 0],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j)', (text, expected) => {
    expect(crc32(Buffer.from(text))).toBe(expected);
  });
  it('agrees with zlib on every byte value (the table is built on first use)', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff);
    for (const end of [1, 255, 256, 4096]) expect(crc32(bytes, 0, end)).toBe(zlibCrc32(bytes.subarray(0, end)));
  });
});

describe('decodeEventStream', () => {
  it('decodes frames with their headers and payloads', () => {
    const bytes = concat(frame('messageStart', { role: 'assistant' }), frame('messageStop', { stopReason: 'end_turn' }));
    const decoded = decodeEventStream(bytes);
    expect(decoded.problems).toEqual([]);
    expect(decoded.trailingBytes).toBe(0);
    expect(decoded.frames.map((f) => [f.eventType, f.messageType, f.contentType, Buffer.from(f.payload).toString()])).toEqual([
      ['messageStart', 'event', 'application/json', '{"role":"assistant"}'],
      ['messageStop', 'event', 'application/json', '{"stopReason":"end_turn"}'],
    ]);
    expect(decoded.frames[1]?.offset).toBe(decoded.frames[0]?.totalLength);
    expect(looksLikeEventStream(bytes)).toBe(true);
  });

  it('reads exception frames', () => {
    const bytes = encodeEventStreamFrame({ ':exception-type': 'throttlingException', ':content-type': 'application/json', ':message-type': 'exception' }, '{"message":"Too many requests"}');
    expect(decodeEventStream(bytes).frames[0]).toMatchObject({ messageType: 'exception', exceptionType: 'throttlingException' });
  });

  it('reads every header value type', () => {
    const headers = [
      ...hdr('t', 0), ...hdr('f', 1), ...hdr('b', 2, [0xff]), ...hdr('s', 3, [0x01, 0x00]), ...hdr('i', 4, [0, 0, 1, 0]),
      ...hdr('l', 5, [0, 0, 0, 0, 0, 0, 0, 7]), ...hdr('y', 6, [0, 2, 0xab, 0xcd]), ...hdr('d', 8, [0, 0, 0, 0, 0, 0, 3, 0xe8]), ...hdr('u', 9, Array(16).fill(0x11)),
    ];
    const decoded = decodeEventStream(rawFrame(headers, []));
    expect(decoded.problems).toEqual([]);
    expect(decoded.frames[0]?.headers).toEqual({ t: true, f: false, b: -1, s: 256, i: 256, l: 7n, y: Uint8Array.from([0xab, 0xcd]), d: 1000, u: '11'.repeat(16) });
  });

  const good = frame('chunk', { bytes: 'e30=' });
  const cases: { name: string; bytes: Uint8Array; kinds: string[]; frames: number }[] = [
    { name: 'a wrong message CRC is reported and the frame kept', bytes: corrupt(good, good.length - 1), kinds: ['message-crc'], frames: 1 },
    { name: 'a flipped payload byte fails the message CRC', bytes: corrupt(good, good.length - 8), kinds: ['message-crc'], frames: 1 },
    { name: 'a wrong prelude CRC is reported too', bytes: corrupt(good, 9), kinds: ['prelude-crc', 'message-crc'], frames: 1 },
    { name: 'a frame cut short', bytes: concat(good, good.subarray(0, 40)), kinds: ['truncated'], frames: 1 },
    { name: 'a few trailing bytes', bytes: concat(good, Uint8Array.from([0, 0, 0])), kinds: ['truncated'], frames: 1 },
    { name: 'an impossible length', bytes: concat(Uint8Array.from([0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])), kinds: ['bad-length'], frames: 0 },
    { name: 'a header block that overruns', bytes: rawFrame([5, 0x61], []), kinds: ['bad-header'], frames: 1 },
  ];
  it.each(cases)('$name', ({ bytes, kinds, frames }) => {
    const decoded = decodeEventStream(bytes);
    expect(decoded.problems.map((p) => p.kind)).toEqual(kinds);
    expect(decoded.frames).toHaveLength(frames);
  });

  it('does not mistake JSON or text for an eventstream', () => {
    expect(looksLikeEventStream(Buffer.from('{"message":"The security token included in the request is invalid."}'))).toBe(false);
    expect(looksLikeEventStream(new Uint8Array(4))).toBe(false);
  });
});

function hdr(name: string, type: number, value: number[] = []): number[] {
  return [name.length, ...Buffer.from(name), type, ...value];
}

/** A frame with hand-made header bytes and correct CRCs. */
function rawFrame(headers: number[], payload: number[]): Uint8Array {
  const total = 16 + headers.length + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, crc32(out, 0, 8));
  out.set(headers, 12);
  out.set(payload, 12 + headers.length);
  view.setUint32(total - 4, crc32(out, 0, total - 4));
  return out;
}

function corrupt(bytes: Uint8Array, at: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}
