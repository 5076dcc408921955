import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { getHeader, mediaType } from './headers.js';
import { decompressLimit, isOverLimit } from '../limits/decompress.js';
import { limits, sizeLimitError } from '../limits/limits.js';
import { mayNestDeeperThan, nestsDeeperThan, stringifyDeep } from '../limits/depth.js';
import type { Body, BodyStorage, Header } from './types.js';
import { stripBom } from '../text/bom.js';

/** What an adapter found in the file; exactly one of `text`, `bytes` or `parsed` is set. */
export interface StoredBody {
  storage: BodyStorage;
  text?: string | undefined;
  bytes?: Uint8Array | undefined;
  /** Already-parsed JSON (pydantic-ai `parsed_body`, nock `body`). */
  parsed?: unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const EMPTY_BODY: Body = Object.freeze({
  bytes: new Uint8Array(0),
  text: '',
  json: undefined,
  isJson: false,
  binary: false,
  storage: 'empty',
  storedSize: 0,
  size: 0,
}) as Body;

/** Decode a stored body: undo base64/hex (done by the adapter), content-encoding, charset; parse JSON. */
export function makeBody(stored: StoredBody, headers: readonly Header[]): Body {
  if (stored.parsed !== undefined) return parsedBody(stored);
  if (stored.text !== undefined) {
    if (stored.text === '') return { ...EMPTY_BODY, storage: stored.storage };
    return textBody(stored.text, stored.storage, headers);
  }
  const raw = stored.bytes ?? new Uint8Array(0);
  if (raw.length === 0) return { ...EMPTY_BODY, storage: stored.storage };
  const { bytes, decodedFrom } = decompress(raw, getHeader(headers, 'content-encoding'));
  const undecodable = decodedFrom === undefined && isZstd(bytes) ? 'zstd' : undefined;
  const text = undecodable ? undefined : bytesToText(bytes, headers);
  const body: Body = { bytes, text, json: undefined, isJson: false, binary: text === undefined, storage: stored.storage, decodedFrom, storedSize: raw.length, size: bytes.length };
  if (undecodable) body.undecodable = undecodable;
  if (text !== undefined) attachJson(body, text, headers);
  return body;
}

function parsedBody(stored: StoredBody): Body {
  const value = stored.parsed;
  const max = limits().maxBodyDepth;
  const { text, tooDeep } = typeof value === 'string' ? { text: value, tooDeep: false } : parsedText(value, max);
  const isJson = typeof value !== 'string' && !tooDeep;
  const size = Buffer.byteLength(text, 'utf8');
  return lazyBytes({ text, json: isJson ? value : undefined, isJson, binary: false, storage: stored.storage, storedSize: size, size, tooDeep: tooDeep ? max : undefined });
}

/**
 * A parsed body's JSON text, and whether it nests deeper than `max`. Nesting past `max` takes more
 * than 2 * max characters, so a short text needs no walk of the value (a nock request body is
 * walked no more); a value JSON.stringify refuses (too deep for its stack) is walked as before.
 */
function parsedText(value: unknown, max: number): { text: string; tooDeep: boolean } {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text !== undefined && !mayNestDeeperThan(text, max)) return { text, tooDeep: false };
  const tooDeep = typeof value === 'object' && nestsDeeperThan(value, max);
  return { text: tooDeep ? stringifyDeep(value) : (text ?? JSON.stringify(value)), tooDeep };
}

function textBody(text: string, storage: BodyStorage, headers: readonly Header[]): Body {
  // A text body can still be a compressed payload that a recorder kept as a latin-1 string.
  if (looksCompressed(text)) {
    const latin = Buffer.from(text, 'latin1');
    if (decompress(latin, undefined).decodedFrom) return makeBody({ storage, bytes: latin }, headers);
  }
  const size = Buffer.byteLength(text, 'utf8');
  const body = lazyBytes({ text, json: undefined, isJson: false, binary: false, storage, storedSize: size, size });
  attachJson(body, text, headers);
  return body;
}

// One getter for every body, its bytes kept aside: a getter made per body gave each body a hidden
// class of its own (V8 tells accessor properties apart by their function), which cost more than
// parsing the body (~60 ms of `show --json` on a 10 MiB HAR, 1,800 bodies).
const encoded = new WeakMap<Body, Uint8Array>();
const LAZY_BYTES: PropertyDescriptor = {
  enumerable: true,
  get(this: Body): Uint8Array {
    let bytes = encoded.get(this);
    if (bytes === undefined) encoded.set(this, (bytes = Buffer.from(this.text ?? '', 'utf8')));
    return bytes;
  },
};

/** Most bodies are stored as text and only lint needs their bytes: encode them on first use. */
function lazyBytes(fields: Omit<Body, 'bytes'>): Body {
  return Object.defineProperty(fields as Body, 'bytes', LAZY_BYTES);
}

function looksCompressed(text: string): boolean {
  return text.charCodeAt(0) === 0x1f && text.charCodeAt(1) === 0x8b;
}

/** Undo gzip/deflate/br when the bytes really are compressed; the header alone is not trusted. */
export function decompress(bytes: Uint8Array, encoding: string | undefined): { bytes: Uint8Array; decodedFrom?: string } {
  const enc = encoding?.toLowerCase().trim();
  const limit = decompressLimit();
  let kind: string | undefined;
  try {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      kind = 'gzip';
      return { bytes: gunzipSync(bytes, limit), decodedFrom: 'gzip' };
    }
    if (enc === 'deflate') {
      kind = 'deflate';
      const zlibHeader = bytes[0] === 0x78 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
      return { bytes: zlibHeader ? inflateSync(bytes, limit) : inflateRawSync(bytes, limit), decodedFrom: 'deflate' };
    }
    if (enc === 'br' && !isUtf8(bytes)) {
      kind = 'br';
      return { bytes: brotliDecompressSync(bytes, limit), decodedFrom: 'br' };
    }
  } catch (error) {
    // A bomb is an input error; anything else means not compressed after all (or corrupt): keep the bytes.
    if (isOverLimit(error)) throw sizeLimitError(`a ${kind ?? 'compressed'} body, decompressed,`);
  }
  return { bytes };
}

/** Why a body with `undecodable` set reads as unknown bytes (show's warning, lint's `body-encoding`). */
export function undecodableMessage(side: string, encoding: string): string {
  return `${side} body is ${encoding}-compressed, which cassette cannot decode (Node.js 20's zlib has no ${encoding}): its content is not read`;
}

/**
 * A zstd frame (magic number 0xFD2FB528, little-endian), whatever the header says: servers and CDNs
 * send `Content-Encoding: zstd` to clients that accept it, and recorders keep the bytes as sent.
 */
function isZstd(bytes: Uint8Array): boolean {
  return bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const BINARY_TYPES = /^(image|audio|video|font)\/|octet-stream|protobuf|grpc|eventstream|zip|pdf|msgpack|cbor/;

/** Text of the bytes, or undefined when they are binary. */
export function bytesToText(bytes: Uint8Array, headers: readonly Header[]): string | undefined {
  const type = mediaType(headers) ?? '';
  if (BINARY_TYPES.test(type)) return undefined;
  const charset = /charset=([^;]+)/i.exec(getHeader(headers, 'content-type') ?? '')?.[1]?.trim().replace(/"/g, '').toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // Unknown charset: fall through to UTF-8.
    }
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  return looksBinary(text) ? undefined : text;
}

/** Many NULs or C0 controls in the first KiB mean binary, whatever the header says. */
function looksBinary(text: string): boolean {
  const sample = text.length > 1024 ? text.slice(0, 1024) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 27) controls++;
  }
  return controls > sample.length / 10;
}

function attachJson(body: Body, text: string, headers: readonly Header[]): void {
  const type = mediaType(headers) ?? '';
  if (type.includes('event-stream') || type.includes('ndjson') || type.includes('jsonl')) return;
  const first = firstNonSpace(text);
  if (first !== '{' && first !== '[' && !type.includes('json')) return;
  let json: unknown;
  try {
    // A leading byte-order mark (some .NET servers send one) is no part of the JSON: decoders drop it.
    json = JSON.parse(stripBom(text));
  } catch {
    return; // Not JSON; lint reports content-type mismatches.
  }
  // Only a text that may nest deeper than the limit (long enough, enough brackets) is walked.
  const max = limits().maxBodyDepth;
  if (mayNestDeeperThan(text, max) && nestsDeeperThan(json, max)) {
    body.tooDeep = max;
    return;
  }
  body.json = json;
  body.isJson = true;
}

function firstNonSpace(text: string): string {
  for (let i = 0; i < text.length && i < 256; i++) {
    const ch = text[i]!;
    if (ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t' && ch !== '\ufeff') return ch;
  }
  return '';
}

/** Base64 (standard or URL-safe) to bytes. */
export function fromBase64(text: string): Uint8Array {
  return Buffer.from(text.replace(/\s+/g, ''), 'base64');
}

/** Hex to bytes; returns undefined when the text is not hex. */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  return Buffer.from(text, 'hex');
}
