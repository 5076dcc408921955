import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_LIKE_ENDS, KEY_LIKE_PAIR, NAME_CHAR, NAME_START, SPACE_CHAR, VALUE_CHAR } from '../../src/secrets/detect.js';
import { escapeRegExp } from '../../src/secrets/patterns.js';

// Tables and sources the secrets code builds at every start without running a RegExp (each one run
// over all 128 characters, or as a global replace, was compiled to machine code): the same as the
// RegExp-built ones they replace.
const fromRegExp = (re: RegExp) => Uint8Array.from({ length: 128 }, (_, c) => (re.test(String.fromCharCode(c)) ? 1 : 0));

describe('secrets tables built without a RegExp', () => {
  it.each([
    ['NAME_CHAR', NAME_CHAR, /[\w-]/],
    ['NAME_START', NAME_START, /[A-Za-z_]/],
    ['VALUE_CHAR', VALUE_CHAR, /[A-Za-z0-9+/_.=~%-]/],
    ['SPACE_CHAR', SPACE_CHAR, /[ \t\n\r\f\v]/],
  ])('%s holds the characters of its class', (_, table, re) => {
    expect([...table]).toEqual([...fromRegExp(re)]);
  });

  it('KEY_LIKE_PAIR has the source the global replace made', () => {
    const old = `(?:${KEY_LIKE_ENDS.map((end) => end.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`)).join('|')})\\\\?["']?\\s*[:=]`;
    expect(KEY_LIKE_PAIR.source).toBe(old);
  });

  it('escapeRegExp escapes what the global replace escaped', () => {
    const old = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    for (const text of ['', 'sk-ant-', 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o/p-q', 'xoxb-', '😀-x']) expect(escapeRegExp(text)).toBe(old(text));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => escapeRegExp(text) === old(text)), { numRuns: 2000 });
  });
});
