/**
 * AWS `application/vnd.amazon.eventstream` framing, as used by Bedrock ConverseStream,
 * InvokeModelWithResponseStream, Transcribe and S3 Select. Each message is:
 *
 *   total length (u32) | headers length (u32) | prelude CRC32 (u32) | headers | payload | message CRC32 (u32)
 *
 * Decoding never throws: a bad CRC is kept on the frame as data (lint reports it), and bytes that
 * cannot be framed end the decode with a problem.
 */

export type EventStreamHeaderValue = string | number | bigint | boolean | Uint8Array;

export interface EventStreamFrame {
  /** Byte offset of the frame in the body. */
  offset: number;
  totalLength: number;
  headers: Record<string, EventStreamHeaderValue>;
  /** `:event-type` (`chunk`, `contentBlockDelta`...). */
  eventType?: string | undefined;
  /** `:message-type`: `event`, `exception` or `error`. */
  messageType?: string | undefined;
  contentType?: string | undefined;
  /** `:exception-type` of an exception frame, `:error-code` of an error frame. */
  exceptionType?: string | undefined;
  payload: Uint8Array;
  preludeCrcOk: boolean;
  messageCrcOk: boolean;
}

export interface EventStreamProblem {
  offset: number;
  kind: 'prelude-crc' | 'message-crc' | 'bad-length' | 'bad-header' | 'truncated';
  message: string;
}

export interface EventStreamDecoding {
  frames: EventStreamFrame[];
  problems: EventStreamProblem[];
  /** Bytes after the last whole frame that could not be decoded. */
  trailingBytes: number;
}

const PRELUDE = 12;
const MIN_FRAME = 16;

// Built on first use, not when the module loads: most runs read no eventstream (its 2,048-step
// loop also got baseline-compiled at every start).
let crcTable: Uint32Array | undefined;

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (IEEE 802.3, as zlib) of `bytes[start, end)`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const table = (crcTable ??= buildCrcTable());
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** True when the bytes start with a plausible eventstream prelude (lengths and prelude CRC agree). */
export function looksLikeEventStream(bytes: Uint8Array): boolean {
  if (bytes.length < MIN_FRAME) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = view.getUint32(0);
  const headers = view.getUint32(4);
  return total >= MIN_FRAME && headers <= total - MIN_FRAME && view.getUint32(8) === crc32(bytes, 0, 8);
}

/** Split a recorded eventstream body into frames. */
export function decodeEventStream(bytes: Uint8Array): EventStreamDecoding {
  const frames: EventStreamFrame[] = [];
  const problems: EventStreamProblem[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset < bytes.length) {
    const left = bytes.length - offset;
    if (left < MIN_FRAME) {
      problems.push({ offset, kind: 'truncated', message: `${left} trailing bytes at offset ${offset} are too short for a frame` });
      break;
    }
    const total = view.getUint32(offset);
    const headersLength = view.getUint32(offset + 4);
    const preludeCrcOk = view.getUint32(offset + 8) === crc32(bytes, offset, offset + 8);
    if (total < MIN_FRAME || headersLength > total - MIN_FRAME) {
      problems.push({ offset, kind: 'bad-length', message: `frame at offset ${offset} declares length ${total} with ${headersLength} header bytes` });
      break;
    }
    if (total > left) {
      problems.push({ offset, kind: 'truncated', message: `frame at offset ${offset} declares ${total} bytes but only ${left} remain` });
      break;
    }
    if (!preludeCrcOk) problems.push({ offset, kind: 'prelude-crc', message: `frame at offset ${offset}: prelude CRC32 does not match` });
    const end = offset + total;
    const messageCrcOk = view.getUint32(end - 4) === crc32(bytes, offset, end - 4);
    if (!messageCrcOk) problems.push({ offset, kind: 'message-crc', message: `frame at offset ${offset}: message CRC32 does not match` });
    const headerStart = offset + PRELUDE;
    const headers = readHeaders(bytes, view, headerStart, headerStart + headersLength);
    if (!headers) problems.push({ offset, kind: 'bad-header', message: `frame at offset ${offset}: headers cannot be read` });
    const h = headers ?? {};
    frames.push({
      offset,
      totalLength: total,
      headers: h,
      eventType: stringHeader(h[':event-type']),
      messageType: stringHeader(h[':message-type']),
      contentType: stringHeader(h[':content-type']),
      exceptionType: stringHeader(h[':exception-type']) ?? stringHeader(h[':error-code']),
      payload: bytes.subarray(headerStart + headersLength, end - 4),
      preludeCrcOk,
      messageCrcOk,
    });
    offset = end;
  }
  return { frames, problems, trailingBytes: bytes.length - offset };
}

function stringHeader(value: EventStreamHeaderValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const utf8 = new TextDecoder('utf-8');

/** Header value types 0-9 of the eventstream spec; undefined when the header block is malformed. */
function readHeaders(bytes: Uint8Array, view: DataView, start: number, end: number): Record<string, EventStreamHeaderValue> | undefined {
  const out: Record<string, EventStreamHeaderValue> = {};
  let at = start;
  const need = (n: number) => at + n <= end;
  while (at < end) {
    const nameLength = bytes[at]!;
    at += 1;
    if (!need(nameLength + 1)) return undefined;
    const name = utf8.decode(bytes.subarray(at, at + nameLength));
    at += nameLength;
    const type = bytes[at]!;
    at += 1;
    let value: EventStreamHeaderValue;
    switch (type) {
      case 0:
      case 1:
        value = type === 0;
        break;
      case 2:
        if (!need(1)) return undefined;
        value = view.getInt8(at);
        at += 1;
        break;
      case 3:
        if (!need(2)) return undefined;
        value = view.getInt16(at);
        at += 2;
        break;
      case 4:
        if (!need(4)) return undefined;
        value = view.getInt32(at);
        at += 4;
        break;
      case 5:
      case 8:
        if (!need(8)) return undefined;
        value = type === 8 ? Number(view.getBigInt64(at)) : view.getBigInt64(at);
        at += 8;
        break;
      case 6:
      case 7: {
        if (!need(2)) return undefined;
        const length = view.getUint16(at);
        at += 2;
        if (!need(length)) return undefined;
        const raw = bytes.subarray(at, at + length);
        value = type === 7 ? utf8.decode(raw) : raw;
        at += length;
        break;
      }
      case 9:
        if (!need(16)) return undefined;
        value = Buffer.from(bytes.subarray(at, at + 16)).toString('hex');
        at += 16;
        break;
      default:
        return undefined;
    }
    out[name] = value;
  }
  return out;
}

/** Encode one frame with string headers: for samples and tests. */
export function encodeEventStreamFrame(headers: Record<string, string>, payload: Uint8Array | string): Uint8Array {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const headerBytes: number[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name, 'utf8');
    const v = Buffer.from(value, 'utf8');
    headerBytes.push(n.length, ...n, 7, v.length >> 8, v.length & 0xff, ...v);
  }
  const total = MIN_FRAME + headerBytes.length + body.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headerBytes.length);
  view.setUint32(8, crc32(out, 0, 8));
  out.set(headerBytes, PRELUDE);
  out.set(body, PRELUDE + headerBytes.length);
  view.setUint32(total - 4, crc32(out, 0, total - 4));
  return out;
}
