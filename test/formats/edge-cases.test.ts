import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/load.js';
import { CassetteInputError, NotHttpError } from '../../src/model/errors.js';
import { getHeader } from '../../src/model/headers.js';

const load = (text: string | Uint8Array, format?: string) => loadCassette(text, 'test', { format });

describe('recorder format edge cases', () => {
  it('vcrpy: !!binary header values and request bodies', () => {
    const c = load(`interactions:
- request:
    body: !!binary |
      eyJhIjoxfQ==
    headers:
      content-type:
      - !!binary |
        YXBwbGljYXRpb24vanNvbg==
    method: POST
    uri: https://example.com/x
  response:
    body: {string: ok}
    headers: {}
    status: {code: 201, message: Created}
version: 1
`);
    expect(c.format).toBe('vcrpy');
    const i = c.interactions[0]!;
    expect(getHeader(i.request.headers, 'Content-Type')).toBe('application/json');
    expect(i.request.body.json).toEqual({ a: 1 });
    expect(i.response).toMatchObject({ status: 201, statusText: 'Created' });
  });

  it('ruby-vcr: Psych !binary with a single !, and base64_string', () => {
    const c = load(`---
http_interactions:
- request:
    method: get
    uri: https://example.com/a
    body: {encoding: US-ASCII, string: ''}
    headers: {}
  response:
    status: {code: 200, message: OK}
    headers: {Content-Type: [text/plain]}
    body:
      encoding: ASCII-8BIT
      string: !binary |-
        aGVsbG8=
  recorded_at: Tue, 01 Oct 2024 10:00:00 GMT
- request: {method: get, uri: 'https://example.com/b', body: {encoding: UTF-8, string: ''}, headers: {}}
  response: {status: {code: 200, message: OK}, headers: {}, body: {encoding: UTF-8, base64_string: "d29ybGQ="}}
  recorded_at: Tue, 01 Oct 2024 10:00:01 GMT
recorded_with: VCR 6.2.0
`);
    expect(c.format).toBe('ruby-vcr');
    expect(c.interactions.map((i) => [i.request.method, i.response?.body.text, i.response?.body.storage])).toEqual([
      ['GET', 'hello', 'binary-tag'],
      ['GET', 'world', 'base64'],
    ]);
    expect(c.interactions[0]!.recordedAt).toBe('2024-10-01T10:00:00.000Z');
  });

  it('r-vcr v1: a body kept in a file is not read as text', () => {
    const c = load(`http_interactions:
- request: {method: get, uri: 'https://example.com/img', body: {encoding: '', string: ''}, headers: {}}
  response:
    status: {status_code: 200, category: Success, reason: OK, message: 'Success: (200) OK'}
    headers: {content-type: image/png}
    body: {encoding: '', file: yes, string: fixtures/img.png}
  recorded_at: 2024-10-08 05:33:27 GMT
  recorded_with: vcr/1.2.2, webmockr/0.9.0
`);
    expect(c).toMatchObject({ format: 'r-vcr', version: 1 });
    expect(c.interactions[0]!.response).toMatchObject({ status: 200, statusText: 'OK', body: { storage: 'file', text: '' } });
  });

  it('polly: legacy _isBinary hex bodies', () => {
    const har = { log: { creator: { name: 'Polly.JS', version: '2.0.0' }, entries: [{ _id: 'a', _order: 0, request: { method: 'GET', url: 'https://example.com/', headers: [] }, response: { status: 200, headers: [{ name: 'content-type', value: 'text/plain' }], content: { mimeType: 'text/plain', _isBinary: true, text: '6869' } } }] } };
    const c = load(JSON.stringify(har));
    expect(c.format).toBe('polly');
    expect(c.interactions[0]!.response!.body).toMatchObject({ text: 'hi', storage: 'hex' });
  });

  it('nock: hex responses with responseIsBinary, rawHeaders as an object, default ports dropped', () => {
    const c = load(JSON.stringify([{ scope: 'https://api.example.com:443', method: 'post', path: '/v1/x?y=1', body: '', status: 200, response: '68656c6c6f', rawHeaders: { 'Content-Type': 'text/plain' }, responseIsBinary: true }]));
    const i = c.interactions[0]!;
    expect(i.request).toMatchObject({ method: 'POST', url: 'https://api.example.com/v1/x?y=1' });
    expect(i.response!.body.text).toBe('hello');
    expect(getHeader(i.response!.headers, 'content-type')).toBe('text/plain');
  });

  it('httprr: chunked bodies, byte lengths with multi-byte text, and a truncated record', () => {
    const req = 'GET https://example.com/é HTTP/1.1\r\nHost: example.com\r\n\r\n';
    const res = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n3\r\ncaf\r\n2\r\né\r\n0\r\n\r\n';
    const trace = `httprr trace v1\n${Buffer.byteLength(req)} ${Buffer.byteLength(res)}\n${req}${res}`;
    const c = load(Buffer.from(trace));
    expect(c.format).toBe('httprr');
    expect(c.interactions[0]!.response!.body.text).toBe('café');
    expect(load(gzipSync(trace)).gzipped).toBe(true);
    expect(() => load(Buffer.from(`httprr trace v1\n10 900\nGET / HTTP/1.1\r\n`))).toThrow(/record is truncated/);
  });

  it('names websocket and gRPC recordings as not HTTP', () => {
    expect(() => load('version: 1\ninteractions:\n- kind: message\n  direction: received\n  data: {type: session.created}\n')).toThrow(NotHttpError);
    expect(() => load('version: 1\ninteractions:\n- request_sample: {json: {}}\n')).toThrow('not an HTTP cassette (gRPC messages)');
  });

  it('lists the formats it tried for unknown input', () => {
    expect(() => load('hello: world\n')).toThrow(/not a recognised cassette \(tried go-vcr, vcrpy, betamax, r-vcr, ruby-vcr, polly, har, nock, httprr\)/);
    expect(() => load('{"a": 1}')).toThrow(CassetteInputError);
  });

  it('--format forces an adapter, and an unknown id is a usage error', () => {
    const nockEmpty = load('[]', 'nock');
    expect(nockEmpty.interactions).toEqual([]);
    expect(() => load('[]', 'nope')).toThrow(/unknown format "nope"/);
  });
});

describe('--format on a document of another shape', () => {
  it.each(['go-vcr', 'nock', 'polly', 'har', 'httprr', 'vcrpy', 'ruby-vcr', 'r-vcr', 'betamax'])('%s on `null` is an input error, not a crash', (format) => {
    expect(() => loadCassette('null', 'n.json', { format })).toThrow(CassetteInputError);
  });
});
