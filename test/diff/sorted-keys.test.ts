import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedKeys } from '../../src/diff/sorted-keys.js';

describe('sortedKeys', () => {
  it('gives Object.keys(value).sort(): integer-like keys as strings, UTF-16 order, any count', () => {
    expect(sortedKeys({ role: 'user', content: 'x', 10: 1, 2: 1, é: 1, Z: 1, _: 1 })).toEqual(['10', '2', 'Z', '_', 'content', 'role', 'é']);
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.string(), fc.nat().map(String), fc.string({ unit: 'grapheme' })), fc.integer(), { maxKeys: 60 }), (value) => {
        expect(sortedKeys(value)).toEqual(Object.keys(value).sort());
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
