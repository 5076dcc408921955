import { describe, expect, it } from 'vitest';
import type { PriceQuery, PriceTable } from '../../src/cost/price-table.js';
import { rememberPrices } from '../../src/cost/remembered-prices.js';

const query = (at: number, model = 'm', inputTokens = 100): PriceQuery => ({ model, url: 'https://api.example.com/v1', at: new Date(at), inputTokens, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 });

describe('rememberPrices', () => {
  it('asks once for an undated price, whatever the recording time', () => {
    const asked: PriceQuery[] = [];
    const table = rememberPrices((q) => (asked.push(q), { cost: q.inputTokens / 1000, pricedAs: 'p/m', dated: false }));
    expect([table(query(1)), table(query(2)), table(query(3))].map((a) => ('cost' in a ? a.cost : a.reason))).toEqual([0.1, 0.1, 0.1]);
    expect(table(query(1, 'm', 200))).toMatchObject({ cost: 0.2 });
    expect(asked).toHaveLength(2);
  });

  it('asks again when any field but the time differs, and not when only undefined and missing differ', () => {
    const asked: PriceQuery[] = [];
    const table = rememberPrices((q) => (asked.push(q), { cost: asked.length, pricedAs: 'p/m', dated: false }));
    const base = query(1);
    const variants: PriceQuery[] = [
      { ...base, model: 'm2' },
      { ...base, url: 'https://api.example.com/v2' },
      { ...base, inputTokens: 101 },
      { ...base, outputTokens: 11 },
      { ...base, cacheReadTokens: 1 },
      { ...base, cacheWriteTokens: 1 },
      { ...base, reasoningTokens: 1 },
      { ...base, cacheWrite1hTokens: 1 },
      { ...base, searchContextSize: 'high' },
      // A string that spells another field's separator is still its own value.
      { ...base, model: 'm\u0000https://api.example.com/v1' },
    ];
    const costs = [base, ...variants].map((q) => table(q));
    expect(new Set(costs.map((a) => ('cost' in a ? a.cost : 0))).size).toBe(variants.length + 1);
    expect(table({ ...base, reasoningTokens: undefined, at: new Date(5) })).toBe(costs[0]);
    expect(asked).toHaveLength(variants.length + 1);
  });

  it('asks again at another time for a dated price, an unmarked one, or a refusal', () => {
    for (const answer of [{ cost: 1, pricedAs: 'p/m', dated: true }, { cost: 1, pricedAs: 'p/m' }, { reason: 'unknown model "m"' }]) {
      let asked = 0;
      const inner: PriceTable = () => (asked++, answer);
      const table = rememberPrices(inner);
      for (const at of [1, 2, 1, 2]) expect(table(query(at))).toEqual(answer);
      expect(asked).toBe(2);
    }
  });
});

describe('genaiPrices marks which prices depend on the recording time', () => {
  it('gpt-4o has one price; DeepSeek has a history and peak hours', async () => {
    const { genaiPrices } = await import('../../src/cost/genai-prices.js');
    const at = (model: string, url: string) => genaiPrices({ model, url, at: new Date('2025-06-01T03:00:00Z'), inputTokens: 1000, outputTokens: 100, cacheReadTokens: 0, cacheWriteTokens: 0 });
    expect(at('gpt-4o', 'https://api.openai.com/v1/chat/completions')).toMatchObject({ pricedAs: 'openai/gpt-4o', dated: false });
    expect(at('deepseek-chat', 'https://api.deepseek.com/chat/completions')).toMatchObject({ pricedAs: 'deepseek/deepseek-chat', dated: true });
  });
});
