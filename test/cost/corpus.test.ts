import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costRows } from '../../src/cost/collect.js';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import type { CostRow } from '../../src/cost/types.js';
import { loadCassette } from '../../src/load.js';
import { hasCorpus, manifest } from '../helpers/corpus.js';

/** Every LLM interaction of the corpus, priced in process (files that are not HTTP cassettes are skipped). */
function corpusRows(): CostRow[] {
  const rows: CostRow[] = [];
  for (const { path } of manifest()) {
    let cassette;
    try {
      cassette = loadCassette(readFileSync(path), path);
    } catch {
      continue; // not-HTTP files and broken cassettes are the loader's tests' business
    }
    rows.push(...costRows(cassette, { prices: genaiPrices }));
  }
  return rows;
}

describe.skipIf(!hasCorpus)('cost over ../shared/corpus', () => {
  const rows = corpusRows();
  const withUsage = rows.filter((r) => r.hasUsage || r.costSource === 'recorded');
  const priced = withUsage.filter((r) => r.costSource !== 'unknown');

  it('prices at least 90% of the LLM interactions that carry usage', () => {
    const ratio = priced.length / withUsage.length;
    const reasons = new Map<string, number>();
    for (const r of withUsage.filter((x) => x.costSource === 'unknown')) reasons.set(r.reason ?? '?', (reasons.get(r.reason ?? '?') ?? 0) + 1);
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`[cost corpus] ${priced.length}/${withUsage.length} interactions with usage priced (${(ratio * 100).toFixed(1)}%); unknown: ${top.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    expect(withUsage.length).toBeGreaterThan(100);
    expect(ratio).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every unknown cost a reason and never a silent zero', () => {
    for (const r of rows.filter((x) => x.costSource === 'unknown')) {
      expect(r.cost, `${r.path} #${r.index}`).toBeNull();
      expect(r.reason, `${r.path} #${r.index}`).toMatch(/^(no usage|unknown model|no model name|no price)/);
    }
  });

  it('prices the xAI calls that report more cached than input tokens, and Hugging Face routes', () => {
    const names = (re: RegExp) => rows.filter((r) => re.test(r.path) && r.hasUsage);
    // Some of the Azure Grok calls also record xAI's `cost_in_usd_ticks` (a recorded cost); all have a list price.
    for (const r of [...names(/azure_grok-4-1-fast/), ...names(/huggingface-kimi-k2/)]) expect(r.estimate, `${r.path} #${r.index}`).not.toBeNull();
  });

  it('has recorded, estimated and unknown costs, each labelled', () => {
    expect(new Set(rows.map((r) => r.costSource))).toEqual(new Set(['recorded', 'estimated', 'unknown']));
  });
});
