import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyValuePairs } from '../../src/secrets/detect.js';
import { loadCassette } from '../../src/load.js';
import { lintCassette } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';

// The RegExp keyValuePairs replaces: it backtracks 40 steps at each character of a long word. An
// HTTP scheme (`Bearer `, `Token `) before a value is skipped. A value may not start with `NAME=`,
// maybe a quote, and a value character other than `=` (an env file inside a string): that is a pair
// of its own, which the RegExp then finds from a later start.
const OLD = /["']?([A-Za-z_][\w-]{1,40})(?:\\?"|')?\s*[:=]\s*(?:\\?"|')?(?:[Bb][Ee][Aa][Rr][Ee][Rr] |[Bb][Aa][Ss][Ii][Cc] |[Tt][Oo][Kk][Ee][Nn] )?(?![A-Za-z_][\w-]{0,40}=(?:\\?"|')?[A-Za-z0-9+/_.-])([A-Za-z0-9+/_.=-]{16,200})/g;

describe('the key-like pair scan is linear', () => {
  it('finds the key-like pairs the old RegExp found (names ending the same, same values)', () => {
    const piece = fc.constantFrom('api_key', 'token', 'x', 'A', '_', '-', '"', "'", '\\', ' ', '\n', ':', '=', 'sk9Zq+/x', 'AAAAAAAAAAAAAAAA', 'page');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const old = [...text.matchAll(OLD)].map((m) => m[2]);
      expect([...keyValuePairs(text)].map((p) => p.value)).toEqual(old);
    }), { numRuns: 3000, seed: 15 });
  });
  it('lints a 10 MB single-line body and 4 MB of blank lines (no backtracking; vitest times out otherwise)', () => {
    const line = `version: 2\ninteractions:\n- id: 0\n  request: {url: "https://example.com/", method: POST, body: "${'a'.repeat(10 * 1024 * 1024)}"}\n  response: {code: 200, duration: 1ms, body: ""}\n`;
    const c = loadCassette(line, 'line.yaml');
    expect(lintCassette(c, RULES, new Map(), line.length).map((f) => f.ruleId)).toEqual(['file-size']);
    const blank = `version: 2\ninteractions:\n- id: 0\n  request: {url: "https://example.com/", method: GET, body: ""}\n  response: {code: 200, duration: 1ms, body: ""}\n${'\n'.repeat(4 * 1024 * 1024)}`;
    expect(lintCassette(loadCassette(blank, 'blank.yaml'), RULES, new Map(), blank.length).map((f) => f.ruleId)).toEqual([]);
  });
});
