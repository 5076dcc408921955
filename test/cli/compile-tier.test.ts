import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus.js';

// bin/cassette.js chooses V8's compile settings (and the code cache's suffix) from the input's size
// before the bundle loads; `diff OLD NEW` on two 10 MiB files is 20 MiB in all and runs without TurboFan.
const { compileTier } = createRequire(import.meta.url)(join(ROOT, 'bin/cassette.js')) as {
  compileTier: (bytes: { max: number; total: number } | undefined) => '' | 'mid' | 'large';
};
const MiB = 1 << 20;

describe('compileTier (bin/cassette.js)', () => {
  it("keeps V8's defaults for named files all under 1 MiB", () => {
    expect(compileTier({ max: MiB - 1, total: 5 * MiB })).toBe('');
  });

  it('runs named files of 1 MiB or more that total under 24 MiB without TurboFan', () => {
    expect(compileTier({ max: MiB, total: MiB })).toBe('mid');
    expect(compileTier({ max: 10 * MiB, total: 20 * MiB })).toBe('mid');
    expect(compileTier({ max: 20 * MiB, total: 24 * MiB - 1 })).toBe('mid');
  });

  it('keeps TurboFan from 24 MiB in all, and when the size is not known (a folder, standard input)', () => {
    expect(compileTier({ max: 12 * MiB, total: 24 * MiB })).toBe('large');
    expect(compileTier({ max: 100 * MiB, total: 100 * MiB })).toBe('large');
    expect(compileTier(undefined)).toBe('large');
  });
});
