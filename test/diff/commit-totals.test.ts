import { describe, expect, it } from 'vitest';
import type { CommitDiff } from '../../src/diff/commit.js';
import { buildCostReport } from '../../src/cost/rollup.js';
import { renderCostJson } from '../../src/cost/render/json.js';
import type { CostRow } from '../../src/cost/types.js';
import { commitTotalsLines } from '../../src/diff/render/commit-totals.js';
import { totalsJson } from '../../src/diff/render/json.js';

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

describe('--json totals and costs: no float noise', () => {
  it('rounds the sums diff --json and diff --git --json print (0.1 + 0.2 is 0.3)', () => {
    const totals = totalsJson(commit(0.1 + 0.2, 0.000025 + 0.00005).totals);
    expect(JSON.stringify(totals.before.cost)).toBe('0.3');
    expect(JSON.stringify(totals.after.cost)).toBe('0.000075');
    expect(totals.files).toEqual({ changed: 1, added: 0, removed: 0, sameMeaning: 0, renamed: 0 });
    expect(totalsJson({ before: { inputTokens: 0, outputTokens: 0, cost: null }, after: { inputTokens: 1, outputTokens: 1, cost: 0.000025 + 0.00005 } })).toEqual({ before: { inputTokens: 0, outputTokens: 0, cost: null }, after: { inputTokens: 1, outputTokens: 1, cost: 0.000075 } });
  });

  it('rounds each interaction cost and estimate in cost --json, as its totals were', () => {
    const row = { path: 'a.yaml', index: 0, provider: 'openai-chat', model: 'gpt-5.4', inputTokens: 1000, outputTokens: 1000, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, cost: 0.0025 + 0.015, estimate: 0.0025 + 0.015, costSource: 'estimated', hasUsage: true } as CostRow;
    const json = renderCostJson(buildCostReport([row]), []);
    expect(0.0025 + 0.015).not.toBe(0.0175);
    expect(json).toContain('"cost": 0.0175,');
    expect(json).toContain('"estimate": 0.0175,');
    expect(json).not.toMatch(/\d\.\d{13,}/);
  });
});
