import { describe, expect, it } from 'vitest';
import { usd } from '../../src/cost/render/shared.js';
import { formatUsd } from '../../src/render/format.js';

describe('USD for people', () => {
  it('is one rule in show, diff and HTML (formatUsd) and in the cost tables (usd)', () => {
    const cases: [number, string][] = [
      [0, '$0'],
      [12.3456789, '$12.3457'],
      [0.01, '$0.0100'],
      [0.0001247, '$0.0001247'],
      // Eight decimals below a cent: show printed 4 significant digits ($0.0001235), cost 8 decimals.
      [0.00012345, '$0.00012345'],
      [0.00001258, '$0.00001258'],
      [8e-8, '$0.00000008'],
      // Not zero, but zero at eight decimals: show printed `$0.`, cost `$0`.
      [3e-9, '<$0.00000001'],
      [-3e-9, '-<$0.00000001'],
      // A negative amount (a refund or a hostile file) keeps the sign before the symbol at every size.
      [-0.5, '-$0.5000'],
      [-0.00012345, '-$0.00012345'],
    ];
    for (const [value, text] of cases) {
      expect(formatUsd(value), String(value)).toBe(text);
      expect(usd(value), String(value)).toBe(text);
    }
    // Below a cent the trailing zeros go as `toFixed(8).replace(/\.?0+$/, '')` took them (done without the RegExp).
    for (let n = 1; n < 1_000_000; n = Math.ceil(n * 1.7)) {
      const value = n / 1e8;
      const fixed = value.toFixed(8).replace(/\.?0+$/, '');
      expect(formatUsd(value), String(value)).toBe(fixed === '0' ? '<$0.00000001' : `$${fixed}`);
    }
    expect(formatUsd(undefined)).toBe('');
    expect(usd(null)).toBe('?');
  });
});
