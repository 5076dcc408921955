import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../src/text/glob-nfa.js';
import { globToRegExp } from '../../src/lint/config.js';
import { customPriceTable } from '../../src/cost/custom-prices.js';

/** The backtracking RegExp each glob used to compile to: the reference for what matches. */
function reference(glob: string, paths: boolean): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (paths && c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += paths ? '[^/]*' : '.*';
    else if (c === '?' && paths) re += '[^/]';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

const chars = (alphabet: string, max: number) => fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((a) => a.join(''));

describe('globs in linear time', () => {
  it('match exactly what the old RegExp matched (paths: lint ignore globs)', () => {
    fc.assert(fc.property(chars('ab/*?.', 8), chars('ab/.', 10), (glob, text) => {
      expect(compileGlob(glob, { paths: true }).test(text)).toBe(reference(glob, true).test(text));
    }), { numRuns: 3000, seed: 15 });
  });
  it('match exactly what the old RegExp matched (model names, `?` literal)', () => {
    fc.assert(fc.property(chars('ab/*?.', 8), chars('ab/?.', 10), (glob, text) => {
      expect(compileGlob(glob, { paths: false, questionMark: false }).test(text)).toBe(reference(glob, false).test(text));
    }), { numRuns: 3000, seed: 15 });
  });
  it('take linear time on the ReDoS shape (a 10,000-star pattern against 100,000 characters)', () => {
    // The old RegExp needs minutes for `*a*a…*b` on forty `a`s; this stays in milliseconds per step.
    expect(compileGlob(`${'*a'.repeat(10)}*b`, { paths: false }).test('a'.repeat(100_000))).toBe(false);
    expect(globToRegExp(`${'*a'.repeat(10)}*b`).test('a'.repeat(100_000))).toBe(false);
    expect(compileGlob('**/x/**/*.yaml', { paths: true }).test('a/b/x/c/d.yaml')).toBe(true);
  });
  it('price files use them: `*a*a*…*b` against a long model name ends at once', () => {
    const table = customPriceTable([{ model: `${'*a'.repeat(10)}*b`, input_mtok: 1, output_mtok: 1 }, { model: 'a*', input_mtok: 2, output_mtok: 2 }]);
    const q = { model: 'a'.repeat(40), url: 'https://api.openai.com/v1/chat/completions', inputTokens: 1e6, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
    expect(table(q as never)).toMatchObject({ cost: 2, pricedAs: 'price-file/a*' });
  });
});
