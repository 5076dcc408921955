import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGoDuration } from '../../src/formats/shared.js';
import { loadCassette } from '../../src/load.js';
import { CassetteInputError } from '../../src/model/errors.js';
import { getHeader, getHeaders } from '../../src/model/headers.js';

const v1 = `---
version: 1
interactions:
- request:
    body: ""
    form:
      q:
      - cassettes
      page:
      - "2"
    headers:
      Accept:
      - application/json
      X-Multi:
      - a
      - b
    url: https://example.com/search
    method: POST
  response:
    body: '{"ok":true}'
    headers:
      Content-Type:
      - application/json
    status: 201 Created
    code: 201
    duration: 1m2.5s
`;

const v2 = `---
version: 2
interactions:
    - id: 0
      request:
        proto: HTTP/1.1
        proto_major: 1
        proto_minor: 1
        content_length: 0
        host: api.example.com
        body: ""
        url: https://api.example.com/v1/models
        method: GET
      response:
        proto: HTTP/2.0
        content_length: 2
        uncompressed: true
        body: '{}'
        headers: {}
        status: 200 OK
        code: 200
        duration: 816.057254ms
    - id: 1
      request:
        body: ""
        url: https://api.example.com/v1/models
        method: GET
      response:
        body: ""
        status: 503 Service Unavailable
        code: 503
        duration: 350µs
`;

describe('go-vcr', () => {
  it('version 1: form bodies, multi-valued headers, status text, durations', () => {
    const c = loadCassette(v1, 'v1.yaml');
    expect(c.format).toBe('go-vcr-v1');
    const [i] = c.interactions;
    expect(i!.id).toBeUndefined();
    expect(i!.request.body.text).toBe('q=cassettes&page=2');
    expect(getHeaders(i!.request.headers, 'x-multi')).toEqual(['a', 'b']);
    expect(getHeader(i!.request.headers, 'ACCEPT')).toBe('application/json');
    expect(i!.request.headers.map((h) => h.name)).toContain('X-Multi');
    expect(i!.response).toMatchObject({ status: 201, statusText: 'Created' });
    expect(i!.response!.body.json).toEqual({ ok: true });
    expect(i!.durationMs).toBe(62500);
  });

  it('version 2: ids, v2-only fields kept as extras, positions', () => {
    const c = loadCassette(v2, 'v2.yaml');
    expect(c.format).toBe('go-vcr-v2');
    expect(c.interactions.map((i) => i.id)).toEqual([0, 1]);
    expect(c.interactions[0]!.extra).toMatchObject({ 'request.proto': 'HTTP/1.1', 'request.host': 'api.example.com', 'response.uncompressed': true });
    expect(c.interactions[0]!.durationMs).toBeCloseTo(816.057254);
    expect(c.interactions[1]!.durationMs).toBeCloseTo(0.35);
    expect(c.interactions[1]!.response).toMatchObject({ status: 503, statusText: 'Service Unavailable' });
    expect(c.locate(c.interactions[1]!.docPath)).toEqual({ line: 23, column: 7 });
    expect(c.locate(c.interactions[1]!.fieldPaths['response.status']!)).toEqual({ line: 31, column: 15 });
  });

  it('an unknown version is a clear error with its line', () => {
    expect(() => loadCassette('---\nversion: 3\ninteractions: []\n', 'x.yaml')).toThrowError(
      expect.objectContaining({ message: 'unsupported go-vcr version 3 (expected 1 or 2)', details: { position: { line: 2, column: 10 } } }),
    );
    expect(() => loadCassette('---\nversion: 3\ninteractions: []\n', 'x.yaml')).toThrow(CassetteInputError);
  });

  it('an empty cassette loads with no interactions', () => {
    expect(loadCassette('---\nversion: 2\ninteractions: []\n', 'e.yaml').interactions).toEqual([]);
  });

  it('a response cut before its code says so (status 0 and a warning), as the VCR family does', () => {
    // A file cut inside the response body keeps the body but loses the `status`/`code` lines after it.
    const cut = `${v1.slice(0, v1.indexOf('    status: 201 Created'))}`;
    const cassette = loadCassette(cut, 'cut.yaml');
    expect(cassette.interactions[0]?.response?.status).toBe(0);
    expect(cassette.warnings).toContainEqual({ message: 'response has no status code', interaction: 0, path: ['interactions', 0, 'response'] });
    expect(loadCassette(v1, 'whole.yaml').warnings.map((w) => w.message)).not.toContain('response has no status code');
    // `status: 200 OK` without `code` is still read.
    expect(loadCassette(v1.replace('    code: 201\n', ''), 'status-only.yaml').interactions[0]?.response?.status).toBe(201);
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['1.230852709s', 1230.852709],
    ['816.057254ms', 816.057254],
    ['1m2.5s', 62500],
    ['2h', 7200000],
    ['350µs', 0.35],
    ['120ns', 0.00012],
    ['-1.5s', -1500],
    ['0', 0],
    [1_500_000, 1.5],
  ] as const)('%s', (input, ms) => {
    expect(parseGoDuration(input)).toBeCloseTo(ms, 9);
  });
  it.each(['', 'fast', '1.2', '1s junk', 's'])('rejects %j', (input) => {
    expect(parseGoDuration(input)).toBeUndefined();
  });
  it('reads what the sticky RegExp it replaces read', () => {
    const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
    const byRegExp = (value: string) => {
      if (value === '') return undefined;
      if (value === '0') return 0;
      const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/gy;
      const sign = value.startsWith('-') ? -1 : 1;
      const rest = sign < 0 ? value.slice(1) : value;
      let total = 0;
      let consumed = 0;
      for (let m = re.exec(rest); m; m = re.exec(rest)) {
        total += Number(m[1]) * unitMs[m[2]!]!;
        consumed = re.lastIndex;
      }
      return consumed === rest.length && consumed > 0 ? sign * total : undefined;
    };
    const piece = fc.constantFrom('0', '1', '12', '.', '.5', '3.', 'ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h', 'x', '-', ' ', 'mh', 'n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const value = pieces.join('');
        expect(parseGoDuration(value), value).toBe(byRegExp(value));
      }),
      { numRuns: 5000, seed: 3 },
    );
  });
});
