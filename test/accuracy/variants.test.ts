import { describe, expect, it } from 'vitest';
import { costRows } from '../../src/cost/collect.js';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import { diffCassettes } from '../../src/diff/compare.js';
import { renderDiffText } from '../../src/diff/render/text.js';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { loadCassette } from '../../src/load.js';
import { PLAIN } from '../../src/render/palette.js';

// Variants of the handed cases' kinds (../shared/cases: reassembly, prices, diff) in other
// providers, recorders and shapes, built inline as nock cassettes so they run without ../shared.
// Expected values: the providers' stream and usage docs, hand-computed list prices.
type Entry = { host: string; path: string; body: unknown; response: unknown; headers?: Record<string, string> };
const nock = (entries: Entry[], name = 'variant.json') =>
  loadCassette(
    Buffer.from(JSON.stringify(entries.map((e) => ({ scope: `https://${e.host}:443`, method: 'POST', path: e.path, body: e.body, status: 200, response: e.response, rawHeaders: { 'content-type': typeof e.response === 'string' ? 'text/event-stream' : 'application/json', ...e.headers } })))),
    name,
  );
const sse = (events: Record<string, unknown>[], named = false) => events.map((e) => `${named ? `event: ${String(e.type)}\n` : ''}data: ${JSON.stringify(e)}\n\n`).join('');
const DATE = { date: 'Sat, 19 Jul 2025 09:00:00 GMT' };

describe('reassembly variants', () => {
  it('Gemini stream: thought parts are reasoning, two functionCall parts are two calls, thoughtsTokenCount is output', () => {
    const chunks = [
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Two cities.', thought: true }] }, index: 0 }], usageMetadata: { promptTokenCount: 20, totalTokenCount: 20 }, modelVersion: 'gemini-2.5-flash' },
      { candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }, { functionCall: { name: 'get_weather', args: { city: 'Rome' } } }] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 20, candidatesTokenCount: 30, thoughtsTokenCount: 100, totalTokenCount: 150 }, modelVersion: 'gemini-2.5-flash' },
    ];
    const cassette = nock([{ host: 'generativelanguage.googleapis.com', path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', body: { contents: [{ role: 'user', parts: [{ text: 'Weather?' }] }] }, response: sse(chunks), headers: DATE }]);
    const r = analyzeInteraction(cassette.interactions[0]!)!.response!;
    expect(r).toMatchObject({ text: '', reasoning: 'Two cities.', finishReason: 'STOP', usage: expect.objectContaining({ inputTokens: 20, outputTokens: 130, reasoningTokens: 100 }) });
    expect(r.toolCalls.map((c) => c.arguments)).toEqual([{ city: 'Paris' }, { city: 'Rome' }]);
    // $0.30 in and $2.50 out per million (thinking priced as output).
    expect(costRows(cassette, { prices: genaiPrices })[0]).toMatchObject({ estimate: expect.closeTo(20 * 0.3e-6 + 130 * 2.5e-6, 12) });
  });

  it('Responses stream: argument deltas of two function calls interleaved by item_id, reasoning summary', () => {
    const events = [
      { type: 'response.created', response: { id: 'resp_1', status: 'in_progress', model: 'o4-mini-2025-04-16', output: [] } },
      { type: 'response.output_item.added', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: 0, delta: 'Need two ' },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: 0, delta: 'lookups.' },
      { type: 'response.output_item.added', output_index: 1, item: { id: 'fc_1', type: 'function_call', arguments: '', call_id: 'call_p', name: 'get_weather' } },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 1, delta: '{"city":' },
      { type: 'response.output_item.added', output_index: 2, item: { id: 'fc_2', type: 'function_call', arguments: '', call_id: 'call_r', name: 'get_weather' } },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_2', output_index: 2, delta: '{"city":"Rome"}' },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 1, delta: '"Paris"}' },
      { type: 'response.completed', response: { id: 'resp_1', status: 'completed', model: 'o4-mini-2025-04-16', output: [], usage: { input_tokens: 60, output_tokens: 200, output_tokens_details: { reasoning_tokens: 150 }, total_tokens: 260 } } },
    ];
    const cassette = nock([{ host: 'api.openai.com', path: '/v1/responses', body: { model: 'o4-mini', stream: true, input: 'Weather?' }, response: sse(events, true), headers: DATE }]);
    const r = analyzeInteraction(cassette.interactions[0]!)!.response!;
    expect(r).toMatchObject({ reasoning: 'Need two lookups.', finishReason: 'completed', usage: expect.objectContaining({ inputTokens: 60, outputTokens: 200, reasoningTokens: 150 }) });
    expect(r.toolCalls.map((c) => [c.id, c.arguments])).toEqual([['call_p', { city: 'Paris' }], ['call_r', { city: 'Rome' }]]);
  });

  it('Anthropic stream: 1-hour cache writes from message_start, thinking with a signature, tool input split over deltas', () => {
    const events = [
      { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-20250514', content: [], usage: { input_tokens: 100, cache_creation_input_tokens: 556, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 456, ephemeral_1h_input_tokens: 100 }, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'One call.' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQBCkYsig' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_p', name: 'get_weather', input: {} } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city": "Pa' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: 'ris"}' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 50 } },
      { type: 'message_stop' },
    ];
    const cassette = nock([{ host: 'api.anthropic.com', path: '/v1/messages', body: { model: 'claude-sonnet-4-20250514', max_tokens: 256, stream: true, messages: [{ role: 'user', content: 'Weather?' }] }, response: sse(events, true), headers: DATE }]);
    const r = analyzeInteraction(cassette.interactions[0]!)!.response!;
    expect(r).toMatchObject({ reasoning: 'One call.', finishReason: 'tool_use', usage: expect.objectContaining({ inputTokens: 656, outputTokens: 50 }) });
    expect(r.toolCalls.map((c) => [c.id, c.arguments])).toEqual([['toolu_p', { city: 'Paris' }]]);
    // 100 x $3 + 456 5-minute writes x $3.75 + 100 1-hour writes x $6 + 50 x $15, per million (the handed case 13, streamed).
    expect(costRows(cassette, { prices: genaiPrices })[0]).toMatchObject({ estimate: expect.closeTo(0.00336, 12) });
  });
});

describe('cost variants: cache reads in other usage shapes', () => {
  // Each 1M input (part cached) and 100k output; prices per million from the providers' pages.
  const DS = { id: 'x', object: 'chat.completion', created: 1756717200, model: 'deepseek-chat', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] };
  it.each([
    // DeepSeek before 2025-09-05 (09:00 UTC: no night discount): miss $0.27, hit $0.07, output $1.10; hit tokens in prompt_cache_hit_tokens only
    ['DeepSeek prompt_cache_hit_tokens', { host: 'api.deepseek.com', path: '/chat/completions', body: { model: 'deepseek-chat', messages: [] }, response: { ...DS, usage: { prompt_tokens: 1_000_000, completion_tokens: 100_000, total_tokens: 1_100_000, prompt_cache_hit_tokens: 600_000, prompt_cache_miss_tokens: 400_000 } }, headers: { date: 'Mon, 01 Sep 2025 09:00:00 GMT' } }, 600_000, 0.4 * 0.27 + 0.6 * 0.07 + 0.1 * 1.1],
    // OpenAI Responses: input_tokens_details.cached_tokens, gpt-4.1 $2 / $0.50 cached / $8
    ['Responses cached_tokens', { host: 'api.openai.com', path: '/v1/responses', body: { model: 'gpt-4.1', input: 'hi' }, response: { id: 'r', object: 'response', status: 'completed', model: 'gpt-4.1-2025-04-14', output: [], usage: { input_tokens: 1_000_000, input_tokens_details: { cached_tokens: 500_000 }, output_tokens: 100_000, total_tokens: 1_100_000 } }, headers: DATE }, 500_000, 0.5 * 2 + 0.5 * 0.5 + 0.1 * 8],
  ] as [string, Entry, number, number][])('%s', (_, entry, cached, usd) => {
    expect(costRows(nock([entry]), { prices: genaiPrices })[0]).toMatchObject({ inputTokens: 1_000_000, cacheReadTokens: cached, estimate: expect.closeTo(usd, 9) });
  });
});

describe('diff variants', () => {
  const anthropic = (messages: unknown[], extra: Record<string, unknown> = {}): Entry => ({ host: 'api.anthropic.com', path: '/v1/messages', body: { model: 'claude-sonnet-4-20250514', max_tokens: 100, messages, ...extra }, response: { id: 'm', type: 'message', role: 'assistant', model: 'claude-sonnet-4-20250514', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } } });
  const diff = (before: Entry, after: Entry) => {
    const d = diffCassettes(nock([before], 'old.json'), nock([after], 'new.json'), {});
    return { different: d.different, text: renderDiffText(d, { palette: PLAIN, patch: false }) };
  };

  it('an Anthropic tool_use id renamed consistently (tool_use and tool_result) is no difference', () => {
    const loop = (id: string) => [{ role: 'user', content: 'Weather?' }, { role: 'assistant', content: [{ type: 'tool_use', id, name: 'get_weather', input: { city: 'Paris' } }] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: '14C' }] }];
    expect(diff(anthropic(loop('toolu_01AbCdEf')), anthropic(loop('toolu_09ZyXwVu')))).toMatchObject({ different: false, text: expect.stringContaining('1 id renamed consistently') });
  });

  it('a Responses call_id and item id renamed consistently are no difference', () => {
    const input = (call: string, item: string) => [{ role: 'user', content: 'Weather?' }, { type: 'function_call', id: item, call_id: call, name: 'get_weather', arguments: '{"city":"Paris"}' }, { type: 'function_call_output', call_id: call, output: '14C' }];
    const responses = (call: string, item: string): Entry => ({ host: 'api.openai.com', path: '/v1/responses', body: { model: 'gpt-4.1', input: input(call, item) }, response: { id: 'r', object: 'response', status: 'completed', model: 'gpt-4.1', output: [], usage: { input_tokens: 5, output_tokens: 1, total_tokens: 6 } } });
    expect(diff(responses('call_AAAA1111', 'fc_aaaa'), responses('call_BBBB2222', 'fc_bbbb')).different).toBe(false);
  });

  it("a tool schema's required list grown is named by what was added (Anthropic input_schema)", () => {
    const tools = (required: string[]) => ({ tools: [{ name: 'read', input_schema: { type: 'object', properties: { path: { type: 'string' }, offset: { type: 'integer' }, line_count: { type: 'integer' } }, required } }] });
    const { text } = diff(anthropic([{ role: 'user', content: 'hi' }], tools(['path'])), anthropic([{ role: 'user', content: 'hi' }], tools(['line_count', 'offset', 'path'])));
    expect(text).toContain('tools.read.input_schema.required + line_count, + offset');
  });

  it('an Azure deployment changed in the path is a model change', () => {
    const azure = (deployment: string): Entry => ({ host: 'my.openai.azure.com', path: `/openai/deployments/${deployment}/chat/completions?api-version=2024-10-21`, body: { messages: [{ role: 'user', content: 'hi' }] }, response: { id: 'c', object: 'chat.completion', created: 1, model: 'gpt-4o-2024-08-06', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } } });
    expect(diff(azure('gpt-4o'), azure('gpt-4o-mini')).text).toContain('model changed: gpt-4o → gpt-4o-mini');
  });
});
