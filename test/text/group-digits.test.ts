import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/text/group-digits.js';

describe('groupDigits', () => {
  it('writes every number as toLocaleString("en-US") does', () => {
    const values = [0, -0, 1, 12, 123, 1234, -1234, -123, 100_000, 123_456, 1_234_567, 999_999_999_999, -1_000_000, Number.MAX_SAFE_INTEGER, 2 ** 60, 0.5, 1234.5678, -0.25, NaN, Infinity];
    for (const value of values) expect(groupDigits(value), String(value)).toBe(value.toLocaleString('en-US'));
  });
});
