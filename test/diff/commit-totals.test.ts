import { describe, expect, it } from 'vitest';
import type { CommitDiff } from '../../src/diff/commit.js';
import { commitTotalsLines } from '../../src/diff/render/commit-totals.js';

const commit = (before: number | null, after: number | null): CommitDiff => ({
  files: [],
  skipped: [],
  totals: {
    files: { changed: 1, added: 0, removed: 0, sameMeaning: 0, renamed: 0 },
    interactions: { changed: 1, added: 0, removed: 0, unchanged: 0 },
    before: { inputTokens: 10, outputTokens: 5, cost: before },
    after: { inputTokens: 10, outputTokens: 5, cost: after },
  },
  shared: [],
  different: true,
});

describe('diff --git totals: the cost line', () => {
  it('keeps the significant digits of costs and changes under a cent (never a change of "$0.0000")', () => {
    expect(commitTotalsLines(commit(0.0001783, 0.0001548))[2]).toBe('tokens 15 → 15; cost $0.0001783 → $0.0001548 (-$0.0000235)');
    expect(commitTotalsLines(commit(0.000075, 0.00015))[2]).toBe('tokens 15 → 15; cost $0.000075 → $0.00015 (+$0.000075)');
  });
  it('gives cents and dollars as before, and says when no cost is known', () => {
    expect(commitTotalsLines(commit(2.24, 2.1507))[2]).toBe('tokens 15 → 15; cost $2.24 → $2.15 (-$0.0893)');
    expect(commitTotalsLines(commit(0.5, 0.5))[2]).toBe('tokens 15 → 15; cost $0.5000 → $0.5000');
    expect(commitTotalsLines(commit(null, null))[2]).toBe('tokens 15 → 15; cost unknown');
  });
});
