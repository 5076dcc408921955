import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lintStream } from '../../src/lint/engine.js';
import { lintFastPaths } from '../../src/lint/fast-paths.js';
import { RULES } from '../../src/lint/rules/index.js';
import { unsearchedRanges } from '../../src/lint/searched-bodies.js';
import { openCassette } from '../../src/load.js';
import { bodySecrets } from '../../src/secrets/detect.js';
import { secretFastPaths } from '../../src/secrets/fast-paths.js';
import { goVcr as goVcrOf, lint } from './helpers.js';

afterEach(() => {
  lintFastPaths.searchedBodies = true;
  lintFastPaths.urlMemo = true;
  secretFastPaths.oneBodySweep = true;
});

/** Findings of every rule on a streamed read of `text`, with the shortcut on or off. */
function lintWith(text: string, fast: boolean) {
  lintFastPaths.searchedBodies = fast;
  try {
    return lintStream(openCassette(Buffer.from(text), 'x.yaml'), RULES, new Map(), text.length);
  } finally {
    lintFastPaths.searchedBodies = true;
  }
}

const KEY = 'sk-proj-4fT9qLx2Vb8nR1sKd7WmZp3YcHe6JuQa0Gi5';
// Pieces of a body: key shapes (in and out of base64 runs), placeholders, quotes, breaks, JSON.
const piece = fc.constantFrom(
  KEY,
  'AKIAIOSFODNN7EXAMPLF',
  'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N',
  'xoxb-123456789012-abcdefghij',
  'sk-fake-key',
  'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo',
  "'",
  "''",
  ' ',
  ' ',
  '\n',
  '=',
  '/',
  ':',
  '"api_key":"',
  'data: {"id":"x"}',
  'hello',
  'world',
);
const text = fc.array(piece, { minLength: 1, maxLength: 24 }).map((p) => p.join('').replace(/^[\s']+|\s+$/g, '') || 'x');

/** A PyYAML-style single-quoted scalar, broken at spaces onto lines indented `pad` (VCR.py's bodies). */
function singleQuoted(value: string, pad: string, breaks: readonly boolean[]): string {
  let k = 0;
  const body = value
    .replaceAll("'", "''")
    .split('\n')
    .map((line) => line.replace(/ /g, () => (breaks[k++ % breaks.length] ? `\n${pad}` : ' ')))
    .join(`\n\n${pad}`);
  return `'${body}'`;
}

/** A literal block scalar with lines indented `pad` (go-vcr's bodies). */
function literal(value: string, pad: string): string {
  return `|-\n${value
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n')}`;
}

const vcrpy = (request: string, response: string, extra: string) =>
  `interactions:\n- request:\n    body: ${request}\n    headers:\n      Authorization:\n      - Bearer ${KEY}\n${extra}    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n  response:\n    body:\n      string: ${response}\n    headers:\n      Content-Type:\n      - text/event-stream\n    status:\n      code: 200\n      message: OK\nversion: 1\n`;

const goVcr = (request: string, response: string, extra: string) =>
  `version: 2\ninteractions:\n- id: 0\n  request:\n    body: ${request}\n    headers:\n      Authorization:\n      - Bearer ${KEY}\n${extra}    url: https://api.openai.com/v1/chat/completions\n    method: POST\n  response:\n    body: ${response}\n    headers:\n      Content-Type:\n      - text/event-stream\n    status: 200 OK\n    code: 200\n    duration: 1s\n`;

describe('secret-text leaves out the body scalars findSecrets searched', () => {
  it('leaves out VCR.py bodies read by the simple reader, and finds the same as searching all of the text', () => {
    const body = singleQuoted(`data: {"k":"${KEY}"}\n\ndata: [DONE]`, '        ', [true]);
    const cassette = vcrpy(singleQuoted('{"a":"b c"}', '      ', [true]), body, '');
    const stream = openCassette(Buffer.from(cassette), 'x.yaml');
    const [i] = [...stream.interactions()];
    const source = stream.list!.source(0);
    const data = { interactions: [stream.list!.item(0)] };
    const ranges = unsearchedRanges({ ...stream.cassette, data }, i!, { text: source.text, offset: source.offset, start: 0, end: source.text.length });
    expect(ranges.reduce((n, [a, b]) => n + b - a, 0)).toBeLessThan(source.text.length - body.length);
    expect(lintWith(cassette, true)).toEqual(lintWith(cassette, false));
  });

  it('a key in a duplicate body key the parser dropped is still found', () => {
    const dropped = singleQuoted(`x ${'ghp_abcdefghijklmnopqrstuvwxyz0123456789'} y`, '      ', [true]);
    const cassette = vcrpy(singleQuoted('hello world', '      ', [true]), singleQuoted('a b', '        ', [true]), '').replace('    body: ', `    body: ${dropped}\n    body: `);
    const findings = lintWith(cassette, true);
    expect(findings.filter((f) => f.ruleId === 'secret-text')).toHaveLength(1);
    expect(findings).toEqual(lintWith(cassette, false));
  });

  it('VCR.py and go-vcr cassettes of generated bodies: the same findings with the shortcut as without', () => {
    fc.assert(
      fc.property(text, text, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.constantFrom('', `    body: 'dropped ${'gsk_' + 'a'.repeat(52)} body'\n`, `    X-Dup:\n      - ${KEY}\n`), fc.boolean(), (request, response, breaks, extra, go) => {
        const cassette = go ? goVcr(singleQuoted(request, '      ', breaks), literal(response, '      '), extra) : vcrpy(singleQuoted(request, '      ', breaks), singleQuoted(response, '        ', breaks), extra);
        expect(lintWith(cassette, true)).toEqual(lintWith(cassette, false));
      }),
      { numRuns: 300 },
    );
  });

  it('samples and the handed cases: the same findings with the shortcut as without', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
    const files = ['samples', '../shared/cases']
      .map((d) => join(root, d))
      .filter((d) => statSync(d, { throwIfNoEntry: false })?.isDirectory())
      .flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => join(d, f)))
      .filter((f) => /\.ya?ml$/.test(f) && statSync(f).isFile());
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const content = readFileSync(file, 'utf8');
      let fast;
      try {
        fast = lintWith(content, true);
      } catch {
        continue;
      }
      expect(fast, file).toEqual(lintWith(content, false));
    }
  });
});

describe('invalid-request judges each URL once', () => {
  it('repeated, valid and invalid URLs: the same findings as judging each one anew', () => {
    const url = fc.constantFrom('https://api.openai.com/v1/chat/completions', 'https://<AWS_REGION>.example.com/x', '<HOST>/v1', 'ftp://example.com/a', 'not a url', 'http://[::1', 'wss://x.example/ws', 'http://a b');
    fc.assert(
      fc.property(fc.array(url, { minLength: 1, maxLength: 8 }), (urls) => {
        const text = goVcrOf(urls.map((u) => ({ url: JSON.stringify(u) })));
        const fast = lint(text, 'invalid-request');
        lintFastPaths.urlMemo = false;
        try {
          expect(fast).toEqual(lint(text, 'invalid-request'));
        } finally {
          lintFastPaths.urlMemo = true;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('bodySecrets sweeps a body once for key prefixes and key-like pairs', () => {
  // Pairs, prefixes, and both at one place (`:AUTH=`: the telegram prefix `:A` and the pair `AUTH=`).
  const bit = fc.constantFrom('"api_key": "', 'AUTH=', ':AUTH=', ':A', 'AKIAUTH:', 'token=', 'secret":"', 'Qk9hYXNkZmFzZGZhc2RmYXNk', 'aB3dE5gH7jK9mN1pQ3sT5vX7', 'sk-proj-4fT9qLx2Vb8nR1sKd7WmZp3YcHe6JuQa0Gi5', 'AKIAIOSFODNN7EXAMPLF', '123456789:AAbcdefghijklmnopqrstuvwxyz0123456', ' ', '\n', '"', '_', '-', '.', 'x', 'hello');
  it('finds what patternSecrets and keyValueSecrets find, one pass each', () => {
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 30 }), (bits) => {
        const text = bits.join('');
        const fast = bodySecrets(text);
        secretFastPaths.oneBodySweep = false;
        try {
          expect(fast).toEqual(bodySecrets(text));
        } finally {
          secretFastPaths.oneBodySweep = true;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
