import { calcPrice, findProvider, type Provider } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { calcPriceFound, providerOnly } from '../../src/cost/found-models.js';

const URLS = ['https://api.openai.com/v1/chat/completions', 'https://api.anthropic.com/v1/messages', 'https://api.deepseek.com/chat/completions', 'https://generativelanguage.googleapis.com/v1beta/models/x:generateContent'];
const TIMES = [undefined, new Date('2024-03-01T12:00:00Z'), new Date('2025-06-01T03:00:00Z'), new Date('2025-06-01T18:00:00Z')];
const USAGES = [
  { input_tokens: 1000, output_tokens: 100 },
  { input_tokens: 300_000, output_tokens: 5000, cache_read_tokens: 20_000 },
  { input_tokens: 0, output_tokens: 0 },
];

describe('calcPriceFound', () => {
  it('prices every model of the URL providers as calcPrice does, on the first call and the remembered ones', () => {
    let compared = 0;
    for (const url of URLS) {
      const provider = findProvider({ providerApiUrl: url });
      expect(provider, url).toBeDefined();
      const names = [...provider!.models.map((m) => m.id), 'no-such-model', 'gpt-4o-2024-08-06', 'claude-3-5-sonnet-20241022'];
      for (const name of names) {
        for (const timestamp of TIMES) {
          for (const usage of USAGES) {
            const options = { providerApiUrl: url, ...(timestamp ? { timestamp } : {}) };
            const want = calcPrice(usage, name, options);
            // Twice: the first call searches, the second uses what it found.
            for (let k = 0; k < 2; k++) {
              const got = calcPriceFound(usage, name, options);
              expect(got?.total_price ?? null, `${url} ${name} ${timestamp?.toISOString()}`).toEqual(want?.total_price ?? null);
              expect(got && { provider: got.provider.id, model: got.model.id, prices: got.model_price }).toEqual(want && { provider: want.provider.id, model: want.model.id, prices: want.model_price });
            }
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('finds by model name alone and by provider id, remembering a model it does not know', () => {
    for (const [name, options] of [
      ['gpt-4.1', {}],
      ['claude-sonnet-4-0', { providerId: 'anthropic' }],
      ['unknown-model-x', {}],
      ['unknown-model-x', { providerId: 'openai' }],
    ] as const) {
      for (let k = 0; k < 2; k++) expect(calcPriceFound({ input_tokens: 10, output_tokens: 1 }, name, options)?.total_price ?? null).toEqual(calcPrice({ input_tokens: 10, output_tokens: 1 }, name, options)?.total_price ?? null);
    }
  });
});

describe('providerOnly', () => {
  it("is the provider with only the model found, its other properties copied without being read (the bundled data reads a provider's extractors from a file on first read)", () => {
    const model = { id: 'm-1', match: { equals: 'm-1' }, prices: { input_mtok: 1 } };
    let reads = 0;
    const provider = { id: 'p', name: 'P', api_pattern: 'https://p', models: [model, { ...model, id: 'm-2' }], fallback_model_providers: ['q'] } as unknown as Provider;
    Object.defineProperty(provider, 'extractors', { enumerable: true, configurable: true, get: () => (reads++, [{ api_flavor: 'chat' }]) });
    const only = providerOnly(provider, model as Provider['models'][number]);
    expect(reads).toBe(0);
    expect(Object.keys(only)).toEqual(['id', 'name', 'api_pattern', 'models', 'fallback_model_providers', 'extractors']);
    expect(only.models).toEqual([model]);
    expect(only.fallback_model_providers).toBeUndefined();
    expect(provider.models).toHaveLength(2);
    expect(only.extractors).toEqual([{ api_flavor: 'chat' }]);
    expect(reads).toBe(1);
  });
});
