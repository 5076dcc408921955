import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, makeBody } from '../../src/model/body.js';
import { configureLimits, DEFAULT_LIMITS } from '../../src/limits/limits.js';

const h = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, value]) => ({ name, value }));
const json = '{"a":1}';

describe('makeBody', () => {
  it.each([
    ['gzip bytes with the header', gzipSync(json), { 'Content-Encoding': 'gzip' }, 'gzip'],
    ['gzip bytes without the header (sniffed)', gzipSync(json), {}, 'gzip'],
    ['deflate', deflateSync(json), { 'Content-Encoding': 'deflate' }, 'deflate'],
    ['br', brotliCompressSync(json), { 'Content-Encoding': 'br' }, 'br'],
    ['already decompressed while the header still says gzip', Buffer.from(json), { 'Content-Encoding': 'gzip' }, undefined],
  ])('%s', (_name, bytes, headers, decodedFrom) => {
    const body = makeBody({ storage: 'base64', bytes: new Uint8Array(bytes) }, h(headers));
    expect(body.text).toBe(json);
    expect(body.json).toEqual({ a: 1 });
    expect(body.decodedFrom).toBe(decodedFrom);
    expect(body.size).toBe(json.length);
  });

  it('a gzip payload kept as a latin-1 string is decoded', () => {
    const body = makeBody({ storage: 'text', text: gzipSync(json).toString('latin1') }, []);
    expect(body.json).toEqual({ a: 1 });
  });

  it('binary bodies are not text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(makeBody({ storage: 'base64', bytes: png }, h({ 'Content-Type': 'image/png' }))).toMatchObject({ binary: true, text: undefined, size: 12 });
    expect(makeBody({ storage: 'base64', bytes: new Uint8Array([0, 1, 2, 3, 0xff, 0xfe]) }, [])).toMatchObject({ binary: true });
  });

  it('declared charsets are honoured', () => {
    const body = makeBody({ storage: 'base64', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) }, h({ 'Content-Type': 'text/plain; charset=iso-8859-1' }));
    expect(body.text).toBe('café');
  });

  it('SSE is never parsed as JSON; JSON without a content type is', () => {
    expect(makeBody({ storage: 'text', text: '{"x":1}' }, h({ 'Content-Type': 'text/event-stream' })).isJson).toBe(false);
    expect(makeBody({ storage: 'text', text: ' [1,2]' }, []).json).toEqual([1, 2]);
    expect(makeBody({ storage: 'text', text: '{oops' }, h({ 'Content-Type': 'application/json' })).isJson).toBe(false);
  });

  it('bytes of text bodies are produced on demand', () => {
    const body = makeBody({ storage: 'text', text: 'héllo' }, []);
    expect(body.size).toBe(6);
    expect(Buffer.from(body.bytes).toString('utf8')).toBe('héllo');
  });

  it('parsed bodies keep their value', () => {
    const body = makeBody({ storage: 'parsed', parsed: { model: 'x' } }, []);
    expect(body).toMatchObject({ isJson: true, json: { model: 'x' }, text: '{"model":"x"}' });
  });

  it('a parsed body is too deep exactly past the depth limit, however short its text (the text is only a shortcut)', () => {
    configureLimits({ maxBodyDepth: 3 });
    try {
      const nest = (depth: number): unknown => (depth === 1 ? {} : { a: nest(depth - 1) });
      for (const [value, tooDeep] of [[nest(3), false], [nest(4), true], [[[[]]], false], [[[[[]]]], true], [[1, [2, [3]]], false], ['text', false], [7, false], [null, false]] as const) {
        const body = makeBody({ storage: 'parsed', parsed: value }, []);
        expect(body.tooDeep).toBe(tooDeep ? 3 : undefined);
        expect(body.isJson).toBe(!tooDeep && typeof value !== 'string');
        expect(body.text).toBe(typeof value === 'string' ? value : JSON.stringify(value));
      }
    } finally {
      configureLimits(DEFAULT_LIMITS);
    }
  });
});

describe('fromBase64 / fromHex', () => {
  it('decodes', () => {
    expect(Buffer.from(fromBase64('aGVs\nbG8=')).toString()).toBe('hello');
    expect(Buffer.from(fromHex('68656c6c6f')!).toString()).toBe('hello');
    expect(fromHex('xyz')).toBeUndefined();
  });
});
