import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoString } from '../../src/text/iso-string.js';

// isoString stands in for Date.prototype.toISOString (which loads ICU's zone data): same text at
// every time a Date can hold, the same error for an invalid one.
describe('isoString', () => {
  it('writes what toISOString writes', () => {
    for (const t of [0, -1, 1, 1e12, -62198755200000, -62198755200001, 253402300799999, 253402300800000, 8.64e15, -8.64e15, Date.UTC(2024, 1, 29, 23, 59, 59, 7)]) {
      expect(isoString(new Date(t))).toBe(new Date(t).toISOString());
    }
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (t) => isoString(new Date(t)) === new Date(t).toISOString()),
      { numRuns: 2000 },
    );
  });
  it('throws a RangeError for an invalid date, as toISOString does', () => {
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});
