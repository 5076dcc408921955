import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as genai from '@pydantic/genai-prices';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactPrices, flatShapes, genaiPricesSource, literalHead } from '../../scripts/compact-prices.mjs';
import { flatPrice } from '../../src/cost/flat-price.js';
import { ROOT } from '../helpers/corpus.js';

// The CLI's bundle prices with dist/vendor/genai-prices.js (scripts/compact-prices.mjs: the package's
// code with its data read from JSON). Its prices must be the package's, for every model.
const COMPACT = join(ROOT, 'dist/vendor/genai-prices.js');

type Api = typeof genai & { providerData: genai.Provider[] };

const USAGES = [
  { input_tokens: 1_234_567, output_tokens: 345_678 },
  { input_tokens: 300_000, output_tokens: 20_000, cache_read_tokens: 100_000, cache_write_tokens: 50_000, output_reasoning_tokens: 5_000 },
];
// Dated prices (start dates, time-of-day discounts) give different answers at different times.
const WHEN = [new Date('2024-06-01T03:00:00Z'), new Date('2026-11-30T17:00:00Z')];

/** Every field a caller can read, or the error: the two modules must agree on both. */
function price(api: typeof genai, usage: genai.Usage, model: string, options: genai.PriceOptions): unknown {
  try {
    const r = api.calcPrice(usage, model, options);
    return r && { total: r.total_price, input: r.input_price, output: r.output_price, model: r.model.id, provider: r.provider.id, name: r.provider.name, prices: r.model_price };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('compact price data', () => {
  it.skipIf(!existsSync(COMPACT))('gives the package its own prices for every model of every provider (skipped before npm run build)', async () => {
    const compact = (await import(pathToFileURL(COMPACT).href)) as Api;
    let compared = 0;
    for (const provider of compact.providerData) {
      for (const model of provider.models) {
        for (const usage of USAGES) {
          for (const timestamp of WHEN) {
            const options = { providerId: provider.id, timestamp };
            expect(price(compact, usage, model.id, options), `${provider.id}/${model.id}`).toEqual(price(genai, usage, model.id, options));
            compared++;
          }
        }
        // Matched by URL and by name alone, as src/cost/genai-prices.ts asks.
        const url = `https://${provider.api_pattern.replace(/\\/g, '').replace(/^https?:\/\//, '').replace(/[^a-z0-9.\-/]/gi, '')}/v1/chat`;
        expect(price(compact, USAGES[0]!, model.id, { providerApiUrl: url, timestamp: WHEN[1]! })).toEqual(price(genai, USAGES[0]!, model.id, { providerApiUrl: url, timestamp: WHEN[1]! }));
        expect(price(compact, USAGES[1]!, model.id, { timestamp: WHEN[1]! })).toEqual(price(genai, USAGES[1]!, model.id, { timestamp: WHEN[1]! }));
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('provider lookup by URL', () => {
  it.skipIf(!existsSync(COMPACT))('finds the provider the package finds for each URL (the compact module compiles only patterns whose head the URL starts with)', async () => {
    const compact = (await import(pathToFileURL(COMPACT).href)) as Api;
    const urls = ['', 'x', 'https://', 'http://api.openai.com/v1', 'HTTPS://API.OPENAI.COM/v1', 'https://api.openai.com.evil.example/v1', 'https://my.openai.azure.com/openai', 'my.openai.azure.com', 'https://x.cognitiveservices.azure.com/', 'https://bedrock-runtime.us-east-1.amazonaws.com/model', 'https://us-central1-aiplatform.googleapis.com/v1', 'https://openrouter.ai/api/v1', 'https://app.modal.run/v1', 'https://api.minimaxi.com/v1'];
    for (const provider of compact.providerData) {
      const head = literalHead(provider.api_pattern);
      const plain = `https://${provider.api_pattern.replace(/\\/g, '').replace(/^https?:\/\//, '').replace(/[^a-z0-9.\-/]/gi, '')}/v1/chat`;
      urls.push(plain, plain.toUpperCase(), head, `${head}x`, head.slice(0, -1), `${head.slice(0, -1)}#`);
    }
    for (const url of urls) expect(compact.findProvider({ providerApiUrl: url })?.id, url).toBe(genai.findProvider({ providerApiUrl: url })?.id);
  });

  it('literalHead: every string the pattern matches from its start begins with it', () => {
    const sources = fc.array(fc.constantFrom('a', 'b', '.', '\\.', '\\d', '?', '*', '+', '{2}', '(', ')', '(?:', '|', '[ab]', '[|]', '^', '$', '\\\\'), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(sources, fc.array(fc.constantFrom('a', 'b', '.', '1', '|', '\\'), { maxLength: 8 }), (source, chars) => {
        let re: RegExp;
        try {
          re = new RegExp(`^(?:${source})`);
        } catch {
          return; // not a pattern
        }
        const head = literalHead(source);
        for (const text of [chars.join(''), head + chars.join('')]) if (re.test(text)) expect(text.startsWith(head), `${source} ${text}`).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('usage extractors, read from their own file on first use', () => {
  it.skipIf(!existsSync(COMPACT))('are the package\'s for every provider, and extractUsage gives what the package gives', async () => {
    const compact = (await import(pathToFileURL(COMPACT).href)) as Api;
    // The same provider in the package, found by id (its data is not exported).
    const body = { model: 'm-1', usage: { prompt_tokens: 12, completion_tokens: 5, input_tokens: 12, output_tokens: 5, total_tokens: 17 }, usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 5 } };
    let withExtractors = 0;
    for (const provider of compact.providerData) {
      const original = genai.findProvider({ providerId: provider.id })!;
      expect(original.id).toBe(provider.id);
      expect('extractors' in provider, provider.id).toBe('extractors' in original);
      if (!('extractors' in original)) continue;
      withExtractors++;
      expect(provider.extractors, provider.id).toEqual(original.extractors);
      for (const extractor of original.extractors ?? []) {
        const run = (api: typeof genai, p: genai.Provider) => {
          try {
            return api.extractUsage(p, body, extractor.api_flavor);
          } catch (error) {
            return { error: (error as Error).message };
          }
        };
        expect(run(compact, provider), `${provider.id} ${extractor.api_flavor}`).toEqual(run(genai, original));
      }
    }
    expect(withExtractors).toBeGreaterThan(5);
  });
});

describe('calcPrice by flatPrice, the unit registry built on first use', () => {
  const KEYS = ['input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'cache_write_1h_tokens', 'output_reasoning_tokens'] as const;

  it('the built module has the fast path (a change in the package that hides it shows here)', () => {
    const text = readFileSync(COMPACT, 'utf8');
    expect(text).toContain('__genaiPricesDataFlat(');
    expect(text).toMatch(/return \w+ \?\?= new \w+\(\w+\);/);
    // Without the package's calcPrice and flatPrice to check against, the module keeps the unit engine alone.
    expect(compactPrices(genaiPricesSource().text).module).not.toContain('__genaiPricesDataFlat(');
  });

  it('flatShapes keeps only the usage shapes where flatPrice gives the package\'s numbers', () => {
    const models = [{ id: 'a', match: { equals: 'a' }, prices: { input_mtok: 1, cache_read_mtok: 0.1, output_mtok: 2 } }];
    const shapes = flatShapes([{ id: 'p', models }], genai.calcPrice as never, flatPrice as never);
    const ok = shapes['input_mtok,cache_read_mtok,output_mtok']!;
    expect(ok).toContain(0b011); // input and output
    expect(ok).toContain(0b111); // and cache reads
    expect(ok).not.toContain(0b100); // cache reads with no input tokens: the package refuses them
    // A flatPrice that gets the arithmetic wrong is kept from every shape.
    expect(flatShapes([{ id: 'p', models }], genai.calcPrice as never, (() => ({ input_price: 1, output_price: 1, total_price: 2 })) as never)).toEqual({});
  });

  it.skipIf(!existsSync(COMPACT))('gives the package\'s answer, or its error, for any model and usage shape', async () => {
    const compact = (await import(pathToFileURL(COMPACT).href)) as Api;
    const models = compact.providerData.flatMap((provider) => provider.models.map((model) => ({ provider: provider.id, model: model.id })));
    fc.assert(
      fc.property(fc.constantFrom(...models), fc.array(fc.nat({ max: 2_000_000 }), { minLength: 6, maxLength: 6 }), fc.nat({ max: 63 }), fc.boolean(), (m, counts, shape, zeros) => {
        const usage: genai.Usage = { input_tokens: 0, output_tokens: 0 };
        KEYS.forEach((key, i) => {
          if (shape & (1 << i)) (usage as Record<string, number>)[key] = counts[i]!;
          else if (zeros) (usage as Record<string, number>)[key] = 0;
        });
        const options = { providerId: m.provider, timestamp: WHEN[1]! };
        expect(price(compact, usage, m.model, options), `${m.provider}/${m.model} ${JSON.stringify(usage)}`).toEqual(price(genai, usage, m.model, options));
      }),
      { numRuns: 3000 },
    );
  });

  it.skipIf(!existsSync(COMPACT))('reads the models and extractors of a copy of a provider (its descriptors, as found-models.ts copies one)', async () => {
    const compact = (await import(pathToFileURL(COMPACT).href)) as Api;
    const original = compact.providerData.find((p) => p.id === 'anthropic')!;
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(original)) as genai.Provider;
    expect(copy.extractors).toEqual(genai.findProvider({ providerId: 'anthropic' })!.extractors);
    expect(copy.models.map((m) => m.id)).toEqual(original.models.map((m) => m.id));
  });
});
