import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { costRows } from '../../src/cost/collect.js';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import { makeBody } from '../../src/model/body.js';
import type { Cassette, Interaction } from '../../src/model/types.js';

const json = [{ name: 'Content-Type', value: 'application/json' }];

function interaction(url: string, request: unknown, response: unknown): Interaction {
  return {
    index: 0,
    request: { method: 'POST', url, headers: json, body: makeBody({ storage: 'text', text: JSON.stringify(request) }, json) },
    response: { status: 200, statusText: 'OK', headers: json, body: makeBody({ storage: 'text', text: JSON.stringify(response) }, json) },
    recordedAt: '2025-07-01T10:00:00Z',
    docPath: ['interactions', 0],
    fieldPaths: {},
  };
}

const BASE = 'https://myres.openai.azure.com/openai/deployments';
const usage = { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 };

// Azure OpenAI takes the deployment in the path and needs no `model` in the body; a response may
// name no model either. Each API Azure serves under /openai/deployments/<name>/.
const cases: { name: string; url: string; request: unknown; response: unknown; provider: string }[] = [
  {
    name: 'chat completions',
    url: `${BASE}/gpt-4o-mini/chat/completions?api-version=2024-06-01`,
    request: { messages: [{ role: 'user', content: 'Hi' }] },
    response: { id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }], usage },
    provider: 'openai-chat',
  },
  {
    name: 'legacy completions',
    url: `${BASE}/gpt-35-turbo-instruct/completions?api-version=2024-06-01`,
    request: { prompt: 'Say hi' },
    response: { id: 'c2', object: 'text_completion', choices: [{ index: 0, text: 'hi', finish_reason: 'stop' }], usage },
    provider: 'openai-completions',
  },
  {
    name: 'embeddings',
    url: `${BASE}/text-embedding-3-small/embeddings?api-version=2024-06-01`,
    request: { input: 'hello' },
    response: { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }], usage: { prompt_tokens: 2, total_tokens: 2 } },
    provider: 'embeddings',
  },
];

describe('Azure OpenAI: the model named only by the deployment in the path', () => {
  for (const c of cases) {
    it(c.name, () => {
      const i = interaction(c.url, c.request, c.response);
      const model = /\/deployments\/([^/]+)\//.exec(c.url)![1];
      const exchange = analyzeInteraction(i);
      expect(exchange?.request.provider).toBe(c.provider);
      expect(exchange?.request.model).toBe(model);
      const row = costRows({ path: 'mem.yaml', interactions: [i] } as unknown as Cassette, { prices: genaiPrices })[0]!;
      expect(row.model).toBe(model);
      expect(row.reason ?? '').not.toContain('no model name');
    });
  }

  it('a model in the body still wins; a percent-escaped deployment is decoded; other paths name none', () => {
    const chat = cases[0]!;
    const inBody = analyzeInteraction(interaction(chat.url, { model: 'gpt-4o', messages: [] }, chat.response));
    expect(inBody?.request.model).toBe('gpt-4o');
    const escaped = analyzeInteraction(interaction(`${BASE}/my%20deploy/chat/completions`, chat.request, chat.response));
    expect(escaped?.request.model).toBe('my deploy');
    const plain = analyzeInteraction(interaction('https://api.openai.com/v1/chat/completions', chat.request, chat.response));
    expect(plain?.request.model).toBeUndefined();
  });
});
