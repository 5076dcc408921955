import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as genai from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { flatPrice, usageShape } from '../../src/cost/flat-price.js';
import { calcPriceFound } from '../../src/cost/found-models.js';
import { ROOT } from '../helpers/corpus.js';

// Every provider's data comes with the compact copy that npm run build writes; without it, a few
// providers found by id stand in.
const COMPACT = join(ROOT, 'dist/vendor/genai-prices.js');
async function providers(): Promise<genai.Provider[]> {
  if (existsSync(COMPACT)) return ((await import(pathToFileURL(COMPACT).href)) as { providerData: genai.Provider[] }).providerData;
  return ['openai', 'anthropic', 'google', 'deepseek', 'aws', 'groq', 'mistral', 'x-ai', 'perplexity'].flatMap((id) => genai.findProvider({ providerId: id }) ?? []);
}

/** Usages of every shape genaiUsage writes (each optional key present or not), with seeded counts that keep its caps. */
function usages(seed: number): Record<string, number | undefined>[] {
  let s = seed;
  const next = (max: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % (max + 1);
  };
  const out: Record<string, number | undefined>[] = [];
  for (let mask = 0; mask < 16; mask++) {
    const input = next(2_000_000);
    const read = mask & 1 ? next(input) : 0;
    const write = mask & 2 ? next(input - read) : 0;
    const oneHour = mask & 4 ? next(write) : 0;
    const output = next(200_000);
    const reasoning = mask & 8 ? next(output) : 0;
    out.push({ input_tokens: input, output_tokens: output, cache_read_tokens: read || undefined, cache_write_tokens: write || undefined, cache_write_1h_tokens: oneHour || undefined, output_reasoning_tokens: reasoning || undefined, web_searches: undefined });
  }
  out.push({ input_tokens: 0, output_tokens: 0 });
  return out;
}

/** What a caller can read of a price, or the error. */
function outcome(price: () => genai.PriceCalculationResult): unknown {
  try {
    const r = price();
    return r && { total: r.total_price, input: r.input_price, output: r.output_price, model: r.model.id, provider: r.provider.id, prices: r.model_price };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('flatPrice', () => {
  it('adds up a flat price as genai-prices does: cached and reasoning tokens at their own prices, a request fee apart', () => {
    const prices = { input_mtok: 3, cache_read_mtok: 0.3, cache_write_mtok: 3.75, cache_write_1h_mtok: 6, output_mtok: 15, requests_kcount: 5 };
    const usage = { input_tokens: 10_000, cache_read_tokens: 2_000, cache_write_tokens: 3_000, cache_write_1h_tokens: 1_000, output_tokens: 500 };
    const input = (3 * 5_000) / 1e6 + (0.3 * 2_000) / 1e6 + (3.75 * 2_000) / 1e6 + (6 * 1_000) / 1e6;
    const output = (15 * 500) / 1e6;
    expect(flatPrice(prices, usage)).toEqual({ input_price: input, output_price: output, total_price: input + output + 5 / 1e3 });
    // Without a price of their own, cache writes are input tokens and reasoning is output.
    expect(flatPrice({ input_mtok: 2, output_mtok: 8 }, { input_tokens: 100, cache_write_tokens: 40, output_tokens: 10, output_reasoning_tokens: 5 })).toEqual({ input_price: 200 / 1e6, output_price: 80 / 1e6, total_price: 200 / 1e6 + 80 / 1e6 });
  });

  it('declines tiers, fractions, negative counts and usage keys it does not know', () => {
    expect(flatPrice({ input_mtok: { base: 1, tiers: [{ start: 200_000, price: 2 }] } as never, output_mtok: 1 }, { input_tokens: 1, output_tokens: 1 })).toBeUndefined();
    expect(flatPrice({ input_mtok: 1 }, { input_tokens: 1.5 })).toBeUndefined();
    expect(flatPrice({ input_mtok: 1, cache_read_mtok: 1 }, { input_tokens: 10, cache_read_tokens: 20 })).toBeUndefined();
    expect(flatPrice({ input_mtok: 1 }, { input_tokens: 10, input_audio_tokens: 5 })).toBeUndefined();
    expect(flatPrice({ input_mtok: 1, web_searches_kcount: 10 }, { input_tokens: 10, web_searches: 2 })).toBeUndefined();
  });

  it('prices a usage whose unknown keys are unset, as genaiUsage writes every call (web_searches: undefined)', () => {
    expect(flatPrice({ input_mtok: 2, output_mtok: 8, web_searches_kcount: 10 }, { input_tokens: 1_000, output_tokens: 100, web_searches: undefined })).toEqual({ input_price: 2_000 / 1e6, output_price: 800 / 1e6, total_price: 2_000 / 1e6 + 800 / 1e6 });
  });

  it('gives the same number as calcPrice to the last bit for every flat price of every model, whenever it answers', async () => {
    let compared = 0;
    let seed = 1;
    for (const provider of await providers()) {
      for (const model of provider.models) {
        const all = Array.isArray(model.prices) ? model.prices.map((p) => p.prices) : [model.prices];
        for (const prices of all) {
          const alone = { ...provider, models: [{ ...model, prices }] };
          for (const usage of usages(seed++)) {
            const flat = flatPrice(prices, usage);
            if (!flat) continue;
            const want = outcome(() => genai.calcPrice(usage, model.id, { provider: alone }));
            // genai-prices refuses some price lists (a cache price without an input price): calcPriceFound checks each shape first.
            if (want === null || 'error' in (want as object)) continue;
            const w = want as { total: number; input: number; output: number };
            expect([Object.is(flat.total_price, w.total), Object.is(flat.input_price, w.input), Object.is(flat.output_price, w.output)], `${provider.id}/${model.id} ${JSON.stringify(usage)}`).toEqual([true, true, true]);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  });

  it('names the token keys that hold tokens', () => {
    expect(usageShape({ input_tokens: 5, cache_read_tokens: 0, cache_write_tokens: undefined, output_tokens: 1 })).toBe('input_tokens,output_tokens,');
  });
});

describe('calcPriceFound with flat prices', () => {
  it('answers as calcPrice on the first call of a shape and on the remembered ones, errors included', async () => {
    let compared = 0;
    let seed = 7;
    for (const provider of await providers()) {
      for (const model of provider.models) {
        const [first, second] = [usages(seed++), usages(seed++)];
        // No cache or reasoning tokens; cache reads and writes; every key.
        for (const shape of [0, 3, 15]) {
          for (const timestamp of [new Date(shape === 3 ? '2025-01-01T02:00:00Z' : '2026-11-30T17:00:00Z')]) {
            const options = { providerId: provider.id, timestamp };
            // The search, the shape's check against calcPrice, then flatPrice alone on other counts of that shape.
            for (const usage of [first[shape]!, first[shape]!, second[shape]!]) {
              expect(outcome(() => calcPriceFound(usage, model.id, options)), `${provider.id}/${model.id} ${JSON.stringify(usage)}`).toEqual(outcome(() => genai.calcPrice(usage, model.id, options)));
            }
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
});
