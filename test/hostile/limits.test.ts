import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/load.js';
import { configureLimits, DEFAULT_LIMITS, LimitError } from '../../src/limits/limits.js';
import { mayNestDeeperThan, nestsDeeperThan, stringifyDeep } from '../../src/limits/depth.js';
import { limitsFromEnv } from '../../src/cli/limits-env.js';
import { buildShowReport } from '../../src/show/build.js';
import { renderShowText } from '../../src/render/show-text.js';
import { PLAIN } from '../../src/render/palette.js';
import { diffWithin } from '../../src/diff/compare.js';
import { renderDiffText } from '../../src/diff/render/text.js';
import { tryJson } from '../../src/llm/json.js';
import { runCaptured } from '../../src/cli/capture.js';
import { readInput } from '../../src/cli/inputs.js';
import { cli } from '../helpers/cli.js';

afterEach(() => configureLimits(DEFAULT_LIMITS));

/** A go-vcr v2 cassette with one interaction; `response` is YAML for the response mapping. */
function goVcr(response: string, request = 'url: https://example.com/\n    method: GET\n    body: ""'): string {
  return `version: 2\ninteractions:\n- id: 0\n  request:\n    ${request}\n  response:\n${response}\n`;
}

/** `levels` nested aliases of nine items each: 9^levels nodes once expanded. */
function aliasBomb(levels: number): string {
  const lines = ['    x0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]'];
  for (let i = 1; i <= levels; i++) lines.push(`    x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return `version: 2\ninteractions:\n- id: 0\n  request:\n${lines.join('\n')}\n    url: https://example.com/\n    method: GET\n    headers: {X-Bomb: *a${levels}}\n  response: {code: 200, duration: 1ms, body: ""}\n`;
}

const every = (text: string) => {
  const c = loadCassette(text, 'x.yaml');
  const shown = renderShowText(buildShowReport(c), { palette: PLAIN, width: 100, full: true, headers: true, mask: true, raw: true });
  const diff = renderDiffText(diffWithin(c), { palette: PLAIN, patch: true });
  return { c, shown, diff };
};

describe('YAML alias expansion budget', () => {
  it('refuses a billion-laughs document at once, naming the limit', () => {
    const started = Date.now();
    expect(() => loadCassette(aliasBomb(9), 'bomb.yaml')).toThrow(/alias expansion limit .*CASSETTE_MAX_ALIAS_NODES/);
    expect(Date.now() - started).toBeLessThan(5000); // generous: the point is "not minutes"
  });
  it('throws a LimitError (an input error, exit 2), not a RangeError', () => {
    expect(() => loadCassette(aliasBomb(9), 'bomb.yaml')).toThrow(LimitError);
  });
  it('accepts a small use of aliases, and the budget can be lowered below it', () => {
    expect(loadCassette(aliasBomb(2), 'ok.yaml').interactions).toHaveLength(1);
    configureLimits({ maxAliasNodes: 10 });
    expect(() => loadCassette(aliasBomb(2), 'ok.yaml')).toThrow(LimitError);
  });
  it('refuses an alias that refers to the node holding it', () => {
    expect(() => loadCassette('version: 2\ninteractions: &i\n- *i\n', 'cycle.yaml')).toThrow(/recursive alias/);
  });
  it('does not count a large document without aliases against the budget', () => {
    configureLimits({ maxAliasNodes: 5 });
    const headers = Array.from({ length: 50 }, (_, i) => `X-H${i}: [v${i} & *not-an-alias]`).join(', ');
    expect(loadCassette(goVcr(`    code: 200\n    duration: 1ms\n    body: ""\n    headers: {${headers}}`), 'x.yaml').interactions).toHaveLength(1);
  });
});

describe('decompressed-size limit', () => {
  const bomb = Buffer.alloc(2 * 1024 * 1024, 0x61);
  it.each([
    ['gzip', gzipSync(bomb)],
    ['deflate', deflateSync(bomb)],
    ['br', brotliCompressSync(bomb)],
  ] as const)('a %s body that expands past the limit is a clear input error', (encoding, packed) => {
    configureLimits({ maxBytes: 1024 * 1024 });
    const doc = JSON.stringify({
      log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [{
        startedDateTime: '2024-01-01T00:00:00Z', time: 1,
        request: { method: 'GET', url: 'https://example.com/', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
        response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Encoding', value: encoding }], cookies: [], redirectURL: '', headersSize: -1, bodySize: packed.length,
          content: { size: bomb.length, mimeType: 'text/plain', encoding: 'base64', text: packed.toString('base64') } },
        cache: {}, timings: { send: 0, wait: 1, receive: 0 } }] },
    });
    expect(() => loadCassette(doc, 'bomb.har')).toThrow(new RegExp(`a ${encoding} body, decompressed, is larger than the 1 MiB size limit`)); expect(() => loadCassette(doc, 'bomb.har')).toThrow(/body, decompressed, is larger than the 1 MiB size limit \(raise it with CASSETTE_MAX_BYTES\)/);
    configureLimits(DEFAULT_LIMITS);
    expect(loadCassette(doc, 'bomb.har').interactions[0]!.response!.body.size).toBe(bomb.length);
  });
  it('a .gz file that expands past the limit is refused', () => {
    configureLimits({ maxBytes: 64 * 1024 });
    const file = gzipSync(Buffer.from(goVcr(`    code: 200\n    duration: 1ms\n    body: "${'a'.repeat(100_000)}"`)));
    expect(() => loadCassette(file, 'big.yaml.gz')).toThrow(/gunzipped file is larger than the 64 KiB size limit/);
  });
});

describe('deep nesting', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  it('nestsDeeperThan and stringifyDeep need no stack', () => {
    const value = JSON.parse(deep(20_000));
    expect(nestsDeeperThan(value, 200)).toBe(true);
    expect(nestsDeeperThan(JSON.parse(deep(200)), 200)).toBe(false);
    expect(stringifyDeep(value)).toBe(deep(20_000));
    // The bracket count only says "maybe": never false for a text that does nest deeper.
    expect(mayNestDeeperThan(deep(201), 200)).toBe(true);
    expect(mayNestDeeperThan(deep(200), 200)).toBe(false);
    expect(mayNestDeeperThan(`{"a":[${'{"b":"[x]"},'.repeat(150)}1]}`, 200)).toBe(true);
    expect(mayNestDeeperThan(`{"a":[${'{"b":"x"},'.repeat(150)}1]}`, 200)).toBe(false);
    const plain = { a: [1, 'x', null, { b: true }], c: { d: 'e"' } };
    expect(stringifyDeep(plain)).toBe(JSON.stringify(plain));
  });
  it('a 5,000-level JSON response body loads, shows, diffs and warns', () => {
    const { c, shown, diff } = every(goVcr(`    code: 200\n    duration: 1ms\n    headers: {Content-Type: [application/json]}\n    body: '${deep(5000)}'`));
    const body = c.interactions[0]!.response!.body;
    expect(body.isJson).toBe(false);
    expect(body.tooDeep).toBe(DEFAULT_LIMITS.maxBodyDepth);
    expect(shown).toContain('response body nests deeper than 200 levels: shown as text');
    expect(diff).not.toMatch(/Maximum call stack/);
  });
  it('a 5,000-level nock body (parsed JSON in the document) loads and is kept as text', () => {
    const nock = `[{"scope":"https://api.openai.com:443","method":"POST","path":"/v1/chat/completions","body":{"model":"a","messages":${deep(5000)}},"status":200,"response":{}}]`;
    const { c, shown } = every(nock);
    expect(c.interactions[0]!.request.body.text).toContain(deep(5000));
    expect(shown).toContain('request body nests deeper than 200 levels');
  });
  it('a 20,000-level header value in a JSON cassette (VCR.py) loads and shows, no stack overflow', () => {
    const vcrpy = `{"version":1,"interactions":[{"request":{"method":"GET","uri":"http://x/","headers":{"X-Deep":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}},"body":null},"response":{"status":{"code":200,"message":"OK"},"headers":{},"body":{"string":"ok"}}}]}`;
    const { c, shown, diff } = every(vcrpy);
    expect(c.interactions[0]!.request.headers[0]!.value.startsWith('{"a":{"a":')).toBe(true);
    expect(shown).toContain('#0 GET x/');
    expect(diff).not.toMatch(/Maximum call stack/);
  });
  it('deep SSE event data or tool arguments count as not JSON', () => {
    expect(tryJson(deep(5000))).toEqual({ ok: false, error: 'nests deeper than 200 levels' });
    expect(tryJson('[[1]]')).toEqual({ ok: true, value: [[1]] });
  });
  it('a 5,000-level YAML document is an input error, not a stack overflow', () => {
    expect(() => loadCassette(`version: 2\ninteractions: ${deep(5000)}\n`, 'deep.yaml')).toThrow(/invalid YAML: nesting exceeded maxDepth/);
  });
});

describe('limits from the environment', () => {
  it('reads sizes with binary suffixes and refuses nonsense', () => {
    expect(limitsFromEnv({ CASSETTE_MAX_BYTES: '2G', CASSETTE_MAX_ALIAS_NODES: '5', CASSETTE_MAX_BODY_DEPTH: '50' })).toEqual({ maxBytes: 2 * 1024 ** 3, maxAliasNodes: 5, maxBodyDepth: 50 });
    expect(limitsFromEnv({ CASSETTE_MAX_BYTES: '64KiB' })).toEqual({ maxBytes: 64 * 1024 });
    expect(() => limitsFromEnv({ CASSETTE_MAX_BYTES: 'lots' })).toThrow(/CASSETTE_MAX_BYTES must be a positive whole number/);
    expect(() => limitsFromEnv({ CASSETTE_MAX_BODY_DEPTH: '5M' })).toThrow(/CASSETTE_MAX_BODY_DEPTH/);
  });
});

describe('endless and oversized inputs', () => {
  async function withEnv(env: Record<string, string>, argv: string[]) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      return await runCaptured(argv);
    } finally {
      for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
  it.skipIf(process.platform === 'win32')('/dev/zero is refused at once (not a regular file), endless stdin is cut off at the size limit', async () => {
    const r = await withEnv({ CASSETTE_MAX_BYTES: '1M' }, ['show', '/dev/zero']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero: not a regular file/);
    // A pipe without end stands for any stream: 2 MiB into a 1 MiB limit.
    const piped = cli(['show', '-'], { env: { CASSETTE_MAX_BYTES: '1M' }, input: 'x'.repeat(2 * 1024 * 1024) });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toMatch(/the input is larger than the 1 MiB size limit \(raise it with CASSETTE_MAX_BYTES\)/);
    expect(piped.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a regular file over the limit is refused from its size, before reading', async () => {
    const r = await withEnv({ CASSETTE_MAX_BYTES: '100' }, ['cost', 'samples/go-vcr-v1/http-json-api.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/http-json-api\.yaml: the file \(\d+ bytes\) is larger than the 100 B size limit/);
  });
  it('a regular file is read whole, byte for byte, whatever its size against the 64 KiB read buffer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-read-'));
    for (const size of [0, 1, 65535, 65536, 65537, 200_001]) {
      const bytes = Buffer.alloc(size, 0);
      for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 9)) & 255;
      const path = join(dir, `f${size}`);
      writeFileSync(path, bytes);
      expect(Buffer.from(readInput(path)).equals(bytes)).toBe(true);
    }
  });
  it('a bad limit is a usage error', async () => {
    const r = await withEnv({ CASSETTE_MAX_BYTES: 'huge' }, ['show', 'samples/go-vcr-v1/http-json-api.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cassette: CASSETTE_MAX_BYTES must be a positive whole number of bytes (K, M, G suffixes allowed), got "huge"\n');
  });
});
