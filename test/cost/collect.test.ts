import { describe, expect, it } from 'vitest';
import { costRows } from '../../src/cost/collect.js';
import { customPriceTable, parsePriceFile } from '../../src/cost/custom-prices.js';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import { chainTables } from '../../src/cost/price-table.js';
import { rememberPrices } from '../../src/cost/remembered-prices.js';
import { makeBody } from '../../src/model/body.js';
import type { Cassette, Header, Interaction } from '../../src/model/types.js';

const JSON_HEADERS: Header[] = [{ name: 'Content-Type', value: 'application/json' }];

/** A one-interaction cassette built in memory: request and response JSON bodies, optional time and headers. */
function cassette(url: string, request: unknown, response: unknown, extra: { recordedAt?: string; headers?: Header[]; status?: number } = {}): Cassette {
  const interaction: Interaction = {
    index: 0,
    request: { method: 'POST', url, headers: JSON_HEADERS, body: makeBody({ storage: 'parsed', parsed: request }, JSON_HEADERS) },
    response: {
      status: extra.status ?? 200,
      statusText: 'OK',
      headers: [...JSON_HEADERS, ...(extra.headers ?? [])],
      body: makeBody({ storage: 'parsed', parsed: response }, JSON_HEADERS),
    },
    recordedAt: extra.recordedAt,
    docPath: ['interactions', 0],
    fieldPaths: {},
  };
  return { path: 'mem.yaml', interactions: [interaction] } as unknown as Cassette;
}

const openai = (model: string, usage: Record<string, unknown>, created?: number) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  ...(created ? { created } : {}),
  model,
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
  usage,
});

const row = (c: Cassette, prices = genaiPrices) => costRows(c, { prices })[0]!;

describe('cost of one interaction', () => {
  it('prices OpenAI reasoning output at the output price and cached input at the cache price, once', () => {
    const usage = { prompt_tokens: 1000, completion_tokens: 500, prompt_tokens_details: { cached_tokens: 800 }, completion_tokens_details: { reasoning_tokens: 400 } };
    const r = row(cassette('https://api.openai.com/v1/chat/completions', { model: 'gpt-5' }, openai('gpt-5-2025-08-07', usage)));
    expect(r).toMatchObject({ provider: 'openai-chat', costSource: 'estimated', inputTokens: 1000, cacheReadTokens: 800, reasoningTokens: 400, pricedAs: 'openai/gpt-5' });
    // gpt-5: $1.25/M input, $0.125/M cached, $10/M output (reasoning included).
    expect(r.cost).toBeCloseTo((200 * 1.25 + 800 * 0.125 + 500 * 10) / 1e6, 12);
  });

  it('prices Anthropic cache writes at the cache-write price and reads at the read price', () => {
    const msg = {
      id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5-20250929', content: [{ type: 'text', text: 'hi' }], stop_reason: 'end_turn',
      usage: { input_tokens: 100, cache_creation_input_tokens: 1000, cache_read_input_tokens: 500, output_tokens: 50 },
    };
    const r = row(cassette('https://api.anthropic.com/v1/messages', { model: 'claude-sonnet-4-5' }, msg));
    expect(r).toMatchObject({ provider: 'anthropic', inputTokens: 1600, cacheReadTokens: 500, cacheWriteTokens: 1000, costSource: 'estimated', pricedAs: 'anthropic/claude-sonnet-4-5' });
    // $3/M input, $3.75/M cache write, $0.30/M cache read, $15/M output.
    expect(r.cost).toBeCloseTo((100 * 3 + 1000 * 3.75 + 500 * 0.3 + 50 * 15) / 1e6, 12);
  });

  it("prices Bedrock's 1-hour cache writes (Converse cacheDetails, InvokeModel cache_creation) at 2x input, as AWS publishes", () => {
    const url = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-5-20250929-v1:0/converse';
    const converse = {
      output: { message: { role: 'assistant', content: [{ text: 'ok' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheWriteInputTokens: 150_000, cacheDetails: [{ ttl: '1h', inputTokens: 100_000 }, { ttl: '5m', inputTokens: 50_000 }] },
    };
    const r = row(cassette(url, { messages: [] }, converse));
    expect(r).toMatchObject({ provider: 'bedrock-converse', cacheWriteTokens: 150_000, pricedAs: 'aws/regional.anthropic.claude-sonnet-4-5-20250929-v1:0' });
    // us. geo profile: $3.30/M input, $4.125/M 5-minute write, $6.60/M 1-hour write.
    expect(r.cost).toBeCloseTo((100_000 * 6.6 + 50_000 * 4.125) / 1e6, 12);
    const message = {
      id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5-20250929', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn',
      usage: { input_tokens: 0, cache_creation_input_tokens: 100_000, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 100_000 }, output_tokens: 0 },
    };
    expect(row(cassette(url.replace('/converse', '/invoke'), { anthropic_version: 'bedrock-2023-05-31', messages: [] }, message)).cost).toBeCloseTo((100_000 * 6.6) / 1e6, 12);
  });

  it("adds Anthropic's web-search fee ($10 per 1,000 server_tool_use.web_search_requests) to the tokens", () => {
    const msg = {
      id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-20250514', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn',
      usage: { input_tokens: 100, cache_read_input_tokens: 500, output_tokens: 50, server_tool_use: { web_search_requests: 2 } },
    };
    const r = row(cassette('https://api.anthropic.com/v1/messages', { model: 'claude-sonnet-4-20250514' }, msg));
    expect(r).toMatchObject({ costSource: 'estimated', pricedAs: 'anthropic/claude-sonnet-4-0' });
    expect(r.cost).toBeCloseTo((100 * 3 + 500 * 0.3 + 50 * 15) / 1e6 + 2 * 0.01, 12);
  });

  // Anthropic, "Claude on Vertex AI": from Claude Sonnet 4.5 on, regional endpoints cost 10% more than global ones.
  it('prices Claude Sonnet 4.5 on a Vertex AI regional endpoint 10% above the global one; Sonnet 4 has one price', () => {
    const vertex = (location: string, model: string) => `https://${location === 'global' ? '' : `${location}-`}aiplatform.googleapis.com/v1/projects/p/locations/${location}/publishers/anthropic/models/${model}:rawPredict`;
    const res = (model: string) => ({ id: 'm1', type: 'message', role: 'assistant', model, content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn', usage: { input_tokens: 1000, output_tokens: 1000 } });
    const req = { anthropic_version: 'vertex-2023-10-16', max_tokens: 10, messages: [] };
    const list = (1000 * 3 + 1000 * 15) / 1e6;
    expect(row(cassette(vertex('global', 'claude-sonnet-4-5@20250929'), req, res('claude-sonnet-4-5-20250929'))).cost).toBeCloseTo(list, 12);
    const regional = row(cassette(vertex('us-east5', 'claude-sonnet-4-5@20250929'), req, res('claude-sonnet-4-5-20250929')));
    expect(regional.cost).toBeCloseTo(list * 1.1, 12);
    expect(regional.pricedAs).toMatch(/regional endpoint, \+10%\)$/);
    expect(row(cassette(vertex('us-east5', 'claude-sonnet-4@20250514'), req, res('claude-sonnet-4-20250514'))).cost).toBeCloseTo(list, 12);
  });

  // LiteLLM's proxy reports each call's cost in `x-litellm-response-cost` (USD), and usually runs on localhost.
  it("takes LiteLLM's x-litellm-response-cost header as the recorded cost, even from a proxy on localhost", () => {
    const res = { id: 'c1', object: 'chat.completion', created: 1750000000, model: 'gpt-4o-2024-08-06', choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1000, completion_tokens: 1000, total_tokens: 2000 } };
    const headers = [{ name: 'x-litellm-response-cost', value: '0.0125' }];
    expect(row(cassette('http://localhost:4000/v1/chat/completions', { model: 'gpt-4o' }, res, { headers }))).toMatchObject({ cost: 0.0125, costSource: 'recorded' });
    expect(row(cassette('http://localhost:4000/v1/chat/completions', { model: 'gpt-4o' }, res))).toMatchObject({ cost: 0, pricedAs: 'local (no API charge)' });
  });

  // OpenRouter usage accounting: `cost` is what OpenRouter charged; with BYOK that is its 5% fee, and
  // `cost_details.upstream_inference_cost` is what the provider billed the user's own key (docs' example: 0.95 and 19).
  it('an OpenRouter BYOK call records its fee plus the upstream cost; without BYOK the upstream cost is not added again', () => {
    const url = 'https://openrouter.ai/api/v1/chat/completions';
    const res = (usage: Record<string, unknown>) => ({ id: 'gen-1', object: 'chat.completion', created: 1750000000, model: 'openai/gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1000, completion_tokens: 1000, total_tokens: 2000, ...usage } });
    const byok = row(cassette(url, { model: 'openai/gpt-4o' }, res({ cost: 0.000625, is_byok: true, cost_details: { upstream_inference_cost: 0.0125 } })));
    expect(byok).toMatchObject({ costSource: 'recorded' });
    expect(byok.cost).toBeCloseTo(0.013125, 12);
    expect(row(cassette(url, { model: 'openai/gpt-4o' }, res({ cost: 0.0125, is_byok: false, cost_details: { upstream_inference_cost: 0.0125 } }))).cost).toBeCloseTo(0.0125, 12);
  });

  // OpenAI pricing: the web search tool is $10 per 1,000 calls (genai-prices' web_searches_kcount) on top of the tokens.
  it('adds OpenAI Responses web_search_call items to the tokens at $10 per 1,000 (JSON and stream)', () => {
    const url = 'https://api.openai.com/v1/responses';
    const search = (id: string) => ({ type: 'web_search_call', id, status: 'completed', action: { type: 'search', query: 'news' } });
    const message = { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'hi', annotations: [] }] };
    const response = { id: 'resp_1', object: 'response', created_at: 1760000000, status: 'completed', model: 'gpt-5-2025-08-07', output: [search('ws_1'), search('ws_2'), message], usage: { input_tokens: 1000, output_tokens: 1000, total_tokens: 2000 } };
    const expected = (1000 * 1.25 + 1000 * 10) / 1e6 + 2 * 0.01;
    expect(row(cassette(url, { model: 'gpt-5' }, response)).cost).toBeCloseTo(expected, 12);
    const events = [
      { type: 'response.created', response: { ...response, status: 'in_progress', output: [], usage: null } },
      ...response.output.flatMap((item, i) => [{ type: 'response.output_item.added', output_index: i, item }, { type: 'response.output_item.done', output_index: i, item }]),
      { type: 'response.completed', response },
    ];
    const sse = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    const headers = [{ name: 'Content-Type', value: 'text/event-stream' }];
    const streamed = cassette(url, { model: 'gpt-5', stream: true }, {});
    streamed.interactions[0]!.response = { status: 200, statusText: 'OK', headers, body: makeBody({ storage: 'text', text: sse }, headers) };
    expect(row(streamed).cost).toBeCloseTo(expected, 12);
  });

  // OpenAI: Flex processing is billed at Batch API rates (o3: $1/$4 per million, standard $2/$8).
  it('prices an OpenAI response served on the flex tier at half the standard price (chat and Responses)', () => {
    const chat = { id: 'c1', object: 'chat.completion', created: 1750000000, model: 'o3-2025-04-16', service_tier: 'flex', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1000, completion_tokens: 1000, total_tokens: 2000 } };
    const flex = row(cassette('https://api.openai.com/v1/chat/completions', { model: 'o3', service_tier: 'flex' }, chat));
    expect(flex.cost).toBeCloseTo((1000 * 1 + 1000 * 4) / 1e6, 12);
    expect(flex.pricedAs).toBe('openai/o3 (flex)');
    expect(row(cassette('https://api.openai.com/v1/chat/completions', { model: 'o3' }, { ...chat, service_tier: 'default' })).cost).toBeCloseTo((1000 * 2 + 1000 * 8) / 1e6, 12);
    const responses = { id: 'resp_1', object: 'response', created_at: 1750000000, status: 'completed', model: 'o3-2025-04-16', service_tier: 'flex', output: [], usage: { input_tokens: 1000, output_tokens: 1000, total_tokens: 2000 } };
    expect(row(cassette('https://api.openai.com/v1/responses', { model: 'o3' }, responses)).cost).toBeCloseTo((1000 * 1 + 1000 * 4) / 1e6, 12);
  });

  // OpenAI "Priority processing for API customers": o3 $3.50 input, $0.875 cached, $14 output per million.
  it('prices an OpenAI response served on the priority tier from OpenAI priority table (chat and Responses)', () => {
    const usage = { prompt_tokens: 1000, completion_tokens: 1000, total_tokens: 2000, prompt_tokens_details: { cached_tokens: 400 } };
    const chat = { id: 'c1', object: 'chat.completion', created: 1750000000, model: 'o3-2025-04-16', service_tier: 'priority', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage };
    const priority = row(cassette('https://api.openai.com/v1/chat/completions', { model: 'o3', service_tier: 'priority' }, chat));
    expect(priority.cost).toBeCloseTo((600 * 3.5 + 400 * 0.875 + 1000 * 14) / 1e6, 12);
    expect(priority.pricedAs).toBe('openai/o3 (priority)');
    // Asked for, not served (a request over 128K prompt tokens): the response's tier is what is billed.
    expect(row(cassette('https://api.openai.com/v1/chat/completions', { model: 'o3', service_tier: 'priority' }, { ...chat, service_tier: 'default' })).cost).toBeCloseTo((600 * 2 + 400 * 0.5 + 1000 * 8) / 1e6, 12);
    // gpt-4o-2024-05-13 has no cached price on the tier; GPT-4o's dated versions share gpt-4o's.
    const responses = { id: 'resp_1', object: 'response', created_at: 1750000000, status: 'completed', model: 'gpt-4o-2024-08-06', service_tier: 'priority', output: [], usage: { input_tokens: 1000, output_tokens: 1000, total_tokens: 2000 } };
    expect(row(cassette('https://api.openai.com/v1/responses', { model: 'gpt-4o' }, responses)).cost).toBeCloseTo((1000 * 4.25 + 1000 * 17) / 1e6, 12);
    // A model the tier does not list keeps its standard price, and says so.
    const nano = row(cassette('https://api.openai.com/v1/responses', { model: 'gpt-5-nano' }, { ...responses, model: 'gpt-5-nano-2025-08-07' }));
    expect(nano.cost).toBeCloseTo((1000 * 0.05 + 1000 * 0.4) / 1e6, 12);
    expect(nano.note).toMatch(/no published price for gpt-5-nano/);
    // gpt-5.4's standard price has a long-context tier ({base, tiers}); its priority price is $5 / $0.50 / $30.
    const gpt54 = row(cassette('https://api.openai.com/v1/responses', { model: 'gpt-5.4' }, { ...responses, created_at: 1775000000, model: 'gpt-5.4-2026-03-05' }));
    expect(gpt54.cost).toBeCloseTo((1000 * 5 + 1000 * 30) / 1e6, 12);
    expect(gpt54.pricedAs).toBe('openai/gpt-5.4 (priority)');
  });

  // Anthropic's data residency page: US-only inference (`inference_geo: "us"`) is billed at 1.1x.
  it('prices an Anthropic call run with US-only inference at 1.1x, streamed and not', () => {
    const url = 'https://api.anthropic.com/v1/messages';
    const usage = { input_tokens: 1000, output_tokens: 100, cache_read_input_tokens: 2000, inference_geo: 'us' };
    const message = { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-opus-4-6', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn', usage };
    const standard = (1000 * 5 + 2000 * 0.5 + 100 * 25) / 1e6;
    const us = row(cassette(url, { model: 'claude-opus-4-6' }, message));
    expect(us.cost).toBeCloseTo(standard * 1.1, 12);
    expect(us.pricedAs).toBe('anthropic/claude-opus-4-6 (US-only inference, +10%)');
    expect(row(cassette(url, { model: 'claude-opus-4-6' }, { ...message, usage: { ...usage, inference_geo: 'global' } })).cost).toBeCloseTo(standard, 12);
    const sse = [
      { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'ok' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 100 } },
      { type: 'message_stop' },
    ].map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    const streamed = cassette(url, { model: 'claude-opus-4-6', stream: true }, {});
    const headers: Header[] = [{ name: 'Content-Type', value: 'text/event-stream' }];
    streamed.interactions[0]!.response = { status: 200, statusText: 'OK', headers, body: makeBody({ storage: 'text', text: sse }, headers) };
    expect(row(streamed).cost).toBeCloseTo(standard * 1.1, 12);
  });

  // Google's price list: Gemini 2.5 Flash input $0.30/M for text, $1.00/M for audio; cached $0.03 / $0.10.
  it('prices Gemini audio input (promptTokensDetails AUDIO) at the audio rate, cached audio at its own', () => {
    const url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';
    const usage = (extra: Record<string, unknown>) => ({ candidates: [{ content: { parts: [{ text: 'ok' }], role: 'model' }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 1_000_000, candidatesTokenCount: 0, promptTokensDetails: [{ modality: 'AUDIO', tokenCount: 800_000 }, { modality: 'TEXT', tokenCount: 200_000 }], ...extra }, modelVersion: 'gemini-2.5-flash' });
    expect(row(cassette(url, { contents: [] }, usage({}))).cost).toBeCloseTo((800_000 * 1 + 200_000 * 0.3) / 1e6, 12);
    const cached = usage({ cachedContentTokenCount: 500_000, cacheTokensDetails: [{ modality: 'AUDIO', tokenCount: 400_000 }, { modality: 'TEXT', tokenCount: 100_000 }] });
    expect(row(cassette(url, { contents: [] }, cached)).cost).toBeCloseTo((400_000 * 1 + 400_000 * 0.1 + 100_000 * 0.3 + 100_000 * 0.03) / 1e6, 12);
  });

  // OpenAI's model pages: gpt-4o-audio-preview text $2.50/$10, audio $40/$80; gpt-4o-mini-audio-preview text $0.15/$0.60, audio $10/$20.
  it('prices OpenAI audio preview models\' audio tokens at their audio price, which the bundled table lacks', () => {
    const usage = { prompt_tokens: 1000, completion_tokens: 1000, total_tokens: 2000, prompt_tokens_details: { audio_tokens: 600 }, completion_tokens_details: { audio_tokens: 900 } };
    const url = 'https://api.openai.com/v1/chat/completions';
    expect(row(cassette(url, { model: 'gpt-4o-audio-preview' }, openai('gpt-4o-audio-preview-2025-06-03', usage))).cost).toBeCloseTo((400 * 2.5 + 600 * 40 + 100 * 10 + 900 * 80) / 1e6, 12);
    expect(row(cassette(url, { model: 'gpt-4o-mini-audio-preview' }, openai('gpt-4o-mini-audio-preview-2024-12-17', usage))).cost).toBeCloseTo((400 * 0.15 + 600 * 10 + 100 * 0.6 + 900 * 20) / 1e6, 12);
    // Text alone keeps the text price.
    expect(row(cassette(url, { model: 'gpt-4o-audio-preview' }, openai('gpt-4o-audio-preview-2025-06-03', { prompt_tokens: 1000, completion_tokens: 1000 }))).cost).toBeCloseTo((1000 * 2.5 + 1000 * 10) / 1e6, 12);
  });

  // DeepSeek's pricing page and news: V3/R1 standard (UTC 00:30-16:30) $0.27/$0.07/$1.10 and $0.55/$0.14/$2.19, night (from 2025-02-26 16:30 UTC)
  // $0.135/$0.035/$0.55; V3's launch price until 2025-02-08 16:00 UTC $0.14/$0.014/$0.28;
  // from 2025-09-05 16:00 UTC $0.56/$0.07/$1.68; from 2025-09-29 $0.28/$0.028/$0.42; from 2026-04-24 (V4-Flash alias) $0.14/$0.0028/$0.28.
  it('prices deepseek-chat and deepseek-reasoner at the price of their recording date', () => {
    const url = 'https://api.deepseek.com/chat/completions';
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 1_000_000, prompt_tokens_details: { cached_tokens: 400_000 } };
    const cost = (model: string, at: string) => row(cassette(url, { model }, openai(model, usage), { recordedAt: at })).cost!;
    const price = (miss: number, hit: number, out: number) => 0.6 * miss + 0.4 * hit + out;
    for (const model of ['deepseek-chat', 'deepseek-reasoner']) {
      expect(cost(model, '2025-09-10T12:00:00Z'), model).toBeCloseTo(price(0.56, 0.07, 1.68), 9);
      expect(cost(model, '2025-10-15T03:00:00Z'), model).toBeCloseTo(price(0.28, 0.028, 0.42), 9);
      expect(cost(model, '2025-12-24T20:00:00Z'), model).toBeCloseTo(price(0.28, 0.028, 0.42), 9);
      expect(cost(model, '2026-05-10T12:00:00Z'), model).toBeCloseTo(price(0.14, 0.0028, 0.28), 9);
      expect(cost(model, '2025-09-05T20:00:00Z'), model).toBeCloseTo(price(0.56, 0.07, 1.68), 9);
    }
    // From the night discount's start (2025-02-26 16:30 UTC) to September 2025 the table's hours of the day hold.
    expect(cost('deepseek-chat', '2025-06-02T10:00:00Z')).toBeCloseTo(price(0.27, 0.07, 1.1), 9);
    expect(cost('deepseek-chat', '2025-06-02T20:00:00Z')).toBeCloseTo(price(0.135, 0.035, 0.55), 9);
    expect(cost('deepseek-reasoner', '2025-06-02T10:00:00Z')).toBeCloseTo(price(0.55, 0.14, 2.19), 9);
    expect(cost('deepseek-reasoner', '2025-06-02T20:00:00Z')).toBeCloseTo(price(0.135, 0.035, 0.55), 9);
    expect(cost('deepseek-chat', '2025-09-05T15:00:00Z')).toBeCloseTo(price(0.27, 0.07, 1.1), 9);
    expect(cost('deepseek-chat', '2025-02-26T17:00:00Z')).toBeCloseTo(price(0.135, 0.035, 0.55), 9);
    // Before it there was no night price: standard at any hour; V3's launch price until 2025-02-08 16:00 UTC (R1 not discounted).
    expect(cost('deepseek-chat', '2025-02-20T20:00:00Z')).toBeCloseTo(price(0.27, 0.07, 1.1), 9);
    expect(cost('deepseek-reasoner', '2025-02-20T20:00:00Z')).toBeCloseTo(price(0.55, 0.14, 2.19), 9);
    expect(cost('deepseek-chat', '2025-01-15T20:00:00Z')).toBeCloseTo(price(0.14, 0.014, 0.28), 9);
    expect(cost('deepseek-reasoner', '2025-01-25T20:00:00Z')).toBeCloseTo(price(0.55, 0.14, 2.19), 9);
  });

  // Gemini API pricing page: 1.5 Flash-8B $0.0375/$0.15 (under 128k prompt tokens), $0.075/$0.30 above, cached $0.01.
  // Google Developers Blog: 1.5 Flash $0.35/$1.05 until 2024-08-12, then $0.075/$0.30; 1.5 Pro $3.50/$10.50 until 2024-10-01, then $1.25/$5.00.
  it('prices Gemini 1.5 Flash-8B at its own price, and 1.5 Flash and Pro at their price before the cuts', () => {
    const gemini = (model: string, prompt: number, cached = 0) => ({
      candidates: [{ content: { role: 'model', parts: [{ text: 'hi' }] }, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: prompt, candidatesTokenCount: 1_000_000, cachedContentTokenCount: cached || undefined },
      modelVersion: model,
    });
    const prices = rememberPrices(genaiPrices);
    const cost = (model: string, at: string, prompt = 1_000_000, cached = 0, host = 'https://generativelanguage.googleapis.com/v1beta') =>
      row(cassette(`${host}/models/${model}:generateContent`, { contents: [] }, gemini(model, prompt, cached), { recordedAt: at }), prices).cost!;
    expect(cost('gemini-1.5-flash-8b', '2025-01-15T12:00:00Z', 100_000)).toBeCloseTo(0.1 * 0.0375 + 0.15, 9);
    expect(cost('gemini-1.5-flash-8b-001', '2025-01-15T12:00:00Z', 200_000, 100_000)).toBeCloseTo(0.1 * 0.075 + 0.1 * 0.02 + 0.3, 9);
    expect(cost('gemini-1.5-flash-001', '2024-07-01T12:00:00Z', 100_000)).toBeCloseTo(0.1 * 0.35 + 1.05, 9);
    expect(cost('gemini-1.5-flash-001', '2024-07-01T12:00:00Z', 200_000)).toBeCloseTo(0.2 * 0.7 + 2.1, 9);
    // The same call a day later is priced again, at the new price (a price with a history is never shared across dates).
    expect(cost('gemini-1.5-flash-001', '2024-08-12T12:00:00Z', 100_000)).toBeCloseTo(0.1 * 0.075 + 0.3, 9);
    expect(cost('gemini-1.5-pro-001', '2024-09-30T12:00:00Z', 100_000)).toBeCloseTo(0.1 * 3.5 + 10.5, 9);
    expect(cost('gemini-1.5-pro-002', '2024-10-01T12:00:00Z', 100_000)).toBeCloseTo(0.1 * 1.25 + 5, 9);
  });

  // Gemini API pricing (April-June 2025): 2.5 Flash Preview input $0.15, output $0.60 non-thinking, $3.50 thinking.
  it('prices Gemini 2.5 Flash Preview\'s thinking tokens at the thinking price', () => {
    const usageMetadata = { promptTokenCount: 1_000_000, candidatesTokenCount: 1_000_000, thoughtsTokenCount: 1_000_000 };
    const response = { candidates: [{ content: { role: 'model', parts: [{ text: 'hi' }] }, finishReason: 'STOP' }], usageMetadata };
    for (const model of ['gemini-2.5-flash-preview-04-17', 'gemini-2.5-flash-preview-05-20']) {
      const r = row(cassette(`https://generativelanguage.googleapis.com/v1beta/models/${model}:generateContent`, { contents: [] }, { ...response, modelVersion: model }, { recordedAt: '2025-05-25T12:00:00Z' }));
      expect(r.cost, model).toBeCloseTo(0.15 + 0.6 + 3.5, 9);
    }
  });

  // Amazon Bedrock pricing: Titan Text Embeddings V2 $0.00002 per 1,000 input tokens, V1 $0.0001.
  it('prices Titan Text Embeddings V2 at its own price, not V1\'s', () => {
    const titan = (id: string) => row(cassette(`https://bedrock-runtime.us-east-1.amazonaws.com/model/${id}/invoke`, { inputText: 'hi' }, { embedding: [0.1], inputTextTokenCount: 1_000_000 }));
    expect(titan('amazon.titan-embed-text-v2%3A0')).toMatchObject({ model: 'amazon.titan-embed-text-v2:0', pricedAs: 'aws/amazon.titan-embed-text-v2:0' });
    expect(titan('amazon.titan-embed-text-v2%3A0').cost).toBeCloseTo(0.02, 12);
    expect(titan('amazon.titan-embed-text-v1').cost).toBeCloseTo(0.1, 12);
  });

  // Google's price list: Gemini 2.5 Flash Image, input $0.30/M, output $30/M for images ($0.039 for a 1,290-token image), $2.50/M for text.
  it('prices Gemini image output (candidatesTokensDetails IMAGE) at the image rate, the rest of the output as text', () => {
    const url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-image:generateContent';
    const res = { candidates: [{ content: { parts: [{ text: 'Here it is' }, { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } }], role: 'model' }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 1000, candidatesTokenCount: 1300, candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: 1290 }, { modality: 'TEXT', tokenCount: 10 }] }, modelVersion: 'gemini-2.5-flash-image' };
    expect(row(cassette(url, { contents: [] }, res)).cost).toBeCloseTo((1000 * 0.3 + 1290 * 30 + 10 * 2.5) / 1e6, 12);
  });

  it("dates a Vertex AI Gemini call by its response's createTime when nothing else dates it", () => {
    const url = 'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash-001:generateContent';
    const res = { candidates: [{ content: { parts: [{ text: 'ok' }], role: 'model' }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 1 }, modelVersion: 'gemini-2.0-flash-001', createTime: '2025-07-30T12:37:55.170Z' };
    expect(row(cassette(url, { contents: [] }, res)).pricedAt).toBe('2025-07-30T12:37:55.000Z');
  });

  it('prices self-hosted OpenAI-compatible servers on the local network at 0, public hosts at list price', () => {
    const res = openai('gpt-4o', { prompt_tokens: 1_000_000, completion_tokens: 0 });
    const local = ['http://ollama:11434', 'http://192.168.1.20:8080', 'http://10.0.0.5:8000', 'http://172.20.0.3:8000', 'http://gpu-box.local:8000', 'http://host.docker.internal:1234', 'http://[fd00::5]:8000', 'http://127.0.0.1:11434'];
    for (const base of local) {
      expect(row(cassette(`${base}/v1/chat/completions`, { model: 'gpt-4o' }, res)), base).toMatchObject({ cost: 0, pricedAs: 'local (no API charge)' });
    }
    for (const base of ['https://api.openai.com', 'http://172.32.0.1:8000', 'http://8.8.8.8']) {
      expect(row(cassette(`${base}/v1/chat/completions`, { model: 'gpt-4o' }, res)), base).toMatchObject({ cost: 2.5, pricedAs: 'openai/gpt-4o' });
    }
  });

  it('prefers a recorded cost and keeps the list price beside it', () => {
    const res = { ...openai('openai/gpt-4o-mini', { prompt_tokens: 10, completion_tokens: 5, cost: 0.0042 }) };
    const r = row(cassette('https://openrouter.ai/api/v1/chat/completions', { model: 'openai/gpt-4o-mini' }, res));
    expect(r).toMatchObject({ cost: 0.0042, costSource: 'recorded' });
    expect(r.estimate).toBeCloseTo((10 * 0.15 + 5 * 0.6) / 1e6, 12);
  });

  it('prices at the recording date: recorded_at, else created, else the Date header', () => {
    // claude-opus-4-6 charged a long-context tier above 200k input tokens until 2026-03-13.
    const msg = { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-opus-4-6', content: [{ type: 'text', text: 'hi' }], stop_reason: 'end_turn', usage: { input_tokens: 300000, output_tokens: 1000 } };
    const url = 'https://api.anthropic.com/v1/messages';
    const before = row(cassette(url, { model: 'claude-opus-4-6' }, msg, { recordedAt: '2026-01-05T10:00:00Z' }));
    const after = row(cassette(url, { model: 'claude-opus-4-6' }, msg, { headers: [{ name: 'Date', value: 'Wed, 01 Apr 2026 10:00:00 GMT' }] }));
    expect(before.pricedAt).toBe('2026-01-05T10:00:00.000Z');
    expect(after.pricedAt).toBe('2026-04-01T10:00:00.000Z');
    expect(before.cost).toBeCloseTo(3.0375, 8);
    expect(after.cost).toBeCloseTo(1.525, 8);
    const created = row(cassette('https://api.openai.com/v1/chat/completions', {}, openai('gpt-4o', { prompt_tokens: 1, completion_tokens: 1 }, 1767225600)));
    expect(created.pricedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  // o3: $10/$40 per million until 2025-06-10, $2/$8 from then (OpenAI's price cut, in the bundled table).
  it('reads `created: 0` (Azure\'s filter chunk, Snowflake) as no time, not 1970: the Date header dates the call', () => {
    const url = 'https://api.openai.com/v1/chat/completions';
    const res = { ...openai('o3-2025-04-16', { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 }), created: 0 };
    const dated = row(cassette(url, { model: 'o3' }, res, { headers: [{ name: 'Date', value: 'Tue, 01 Jul 2025 10:00:00 GMT' }] }));
    expect(dated.pricedAt).toBe('2025-07-01T10:00:00.000Z');
    expect(dated.cost).toBeCloseTo(2 + 8, 8);
    expect(row(cassette(url, { model: 'o3' }, res)).pricedAt).toBeUndefined();
  });

  it('caps cached tokens at the input when an API reports more (xAI through Azure)', () => {
    const usage = { prompt_tokens: 293, completion_tokens: 58, prompt_tokens_details: { cached_tokens: 387 } };
    const r = row(cassette('https://x.services.ai.azure.com/models/chat/completions', { model: 'grok-4-1-fast-non-reasoning' }, openai('grok-4-1-fast-non-reasoning', usage)));
    expect(r).toMatchObject({ costSource: 'estimated', pricedAs: 'azure/grok-4-1-fast-non-reasoning' });
  });

  it.each([
    ['an unknown model', openai('my-private-model', { prompt_tokens: 5, completion_tokens: 5 }), 200, 'unknown model "my-private-model"'],
    ['no usage', openai('gpt-4o', {}), 200, 'no usage recorded'],
    ['an API error', { error: { message: 'rate limited', type: 'rate_limit' } }, 429, 'no usage (HTTP 429)'],
  ])('says why the cost is unknown for %s, never zero', (_name, body, status, reason) => {
    const r = row(cassette('https://api.openai.com/v1/chat/completions', { model: 'my-private-model' }, body, { status }));
    expect(r).toMatchObject({ costSource: 'unknown', cost: null, reason });
  });

  it('says when an OpenAI stream did not ask for usage', () => {
    const sse: Header[] = [{ name: 'Content-Type', value: 'text/event-stream' }];
    const chunk = { id: 'c1', object: 'chat.completion.chunk', model: 'gpt-4o', choices: [{ index: 0, delta: { content: 'hi' }, finish_reason: 'stop' }] };
    const c = cassette('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o', stream: true, messages: [] }, {});
    c.interactions[0]!.response = { status: 200, statusText: 'OK', headers: sse, body: makeBody({ storage: 'text', text: `data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n` }, sse) };
    expect(row(c)).toMatchObject({ costSource: 'unknown', cost: null, reason: 'no usage recorded (streamed without stream_options.include_usage)' });
  });

  it('lets a price file price an unknown model, reasoning included', () => {
    const file = parsePriceFile(JSON.stringify({ models: [{ model: 'my-*', url: 'api.openai.com', input_mtok: 2, output_mtok: 4, reasoning_mtok: 8 }] }), 'p.json');
    const usage = { prompt_tokens: 100, completion_tokens: 50, completion_tokens_details: { reasoning_tokens: 20 } };
    const r = row(cassette('https://api.openai.com/v1/chat/completions', {}, openai('my-private-model', usage)), chainTables([customPriceTable(file), genaiPrices]));
    expect(r).toMatchObject({ costSource: 'estimated', pricedAs: 'price-file/my-*' });
    expect(r.cost).toBeCloseTo((100 * 2 + 30 * 4 + 20 * 8) / 1e6, 12);
  });
});
