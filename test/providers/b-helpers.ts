import { encodeEventStreamFrame } from '../../src/llm/eventstream.js';
import { makeBody } from '../../src/model/body.js';
import type { Header, Interaction } from '../../src/model/types.js';

export const JSON_HEADERS: Header[] = [{ name: 'Content-Type', value: 'application/json' }];
export const SSE_HEADERS: Header[] = [{ name: 'Content-Type', value: 'text/event-stream' }];
export const NDJSON_HEADERS: Header[] = [{ name: 'Content-Type', value: 'application/x-ndjson' }];
export const EVENTSTREAM_HEADERS: Header[] = [{ name: 'Content-Type', value: 'application/vnd.amazon.eventstream' }];

export interface Exchange {
  url: string;
  request?: unknown;
  /** Text, or bytes for binary bodies. */
  response?: string | Uint8Array | undefined;
  headers?: Header[];
  status?: number;
}

/** An interaction as an adapter would produce it, for reassembler tests. */
export function exchange({ url, request = {}, response, headers = JSON_HEADERS, status = 200 }: Exchange): Interaction {
  const responseBody = typeof response === 'string' ? makeBody({ storage: 'text', text: response }, headers) : makeBody({ storage: 'binary-tag', bytes: response ?? new Uint8Array(0) }, headers);
  return {
    index: 0,
    request: { method: 'POST', url, headers: JSON_HEADERS, body: makeBody({ storage: 'text', text: JSON.stringify(request) }, JSON_HEADERS) },
    response: response === undefined ? undefined : { status, statusText: '', headers, body: responseBody },
    docPath: ['interactions', 0],
    fieldPaths: {},
  };
}

/** `event: <type>\ndata: <json>\n\n` for each event. */
export function sse(events: Record<string, unknown>[]): string {
  return events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join('');
}

/** ConverseStream-style frames: one `event` frame per `[eventType, payload]`, with a `p` padding field. */
export function eventFrames(events: [string, Record<string, unknown>][]): Uint8Array {
  return concatBytes(events.map(([type, payload]) => encodeEventStreamFrame({ ':event-type': type, ':content-type': 'application/json', ':message-type': 'event' }, JSON.stringify({ ...payload, p: 'abcdefgh' }))));
}

/** InvokeModelWithResponseStream frames: each inner event base64-encoded in a `chunk` frame's `bytes`. */
export function chunkFrames(inner: Record<string, unknown>[]): Uint8Array {
  return eventFrames(inner.map((event) => ['chunk', { bytes: Buffer.from(JSON.stringify(event)).toString('base64') }]));
}

export function exceptionFrame(type: string, message: string): Uint8Array {
  return encodeEventStreamFrame({ ':exception-type': type, ':content-type': 'application/json', ':message-type': 'exception' }, JSON.stringify({ message }));
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}
