import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { loadCassette } from '../../src/load.js';
import { makeBody } from '../../src/model/body.js';
import type { Header, Interaction } from '../../src/model/types.js';
import { hasSeed, SAMPLES, SEED } from '../helpers/corpus.js';

const json = [{ name: 'Content-Type', value: 'application/json' }];
const sse = [{ name: 'Content-Type', value: 'text/event-stream' }];

function interaction(request: unknown, responseText: string, headers: Header[] = sse, status = 200): Interaction {
  return {
    index: 0,
    request: { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', headers: json, body: makeBody({ storage: 'text', text: JSON.stringify(request) }, json) },
    response: { status, statusText: '', headers, body: makeBody({ storage: 'text', text: responseText }, headers) },
    docPath: ['interactions', 0],
    fieldPaths: {},
  };
}

const data = (o: unknown) => `data: ${JSON.stringify(o)}\n\n`;
const delta = (d: unknown, finish: string | null = null, index = 0) => data({ id: 'c1', model: 'm', created: 1, choices: [{ index, delta: d, finish_reason: finish }] });

const cases: { name: string; body: string; headers?: Header[]; status?: number; expect: Record<string, unknown> }[] = [
  {
    name: 'streamed text with [DONE]',
    body: delta({ role: 'assistant', content: 'Hel' }) + delta({ content: 'lo' }) + delta({}, 'stop') + 'data: [DONE]\n\n',
    expect: { text: 'Hello', finishReason: 'stop', streamed: true, warnings: [] },
  },
  {
    // Sourcegraph's completions API answers an OpenAI-shaped request with its own events.
    name: 'another API stream (no chat chunk) is named, not called truncated',
    body: 'event: completion\ndata: {"deltaText":"x"}\n\nevent: done\ndata: {}\n\n',
    expect: { text: '', warnings: ['stream events are not OpenAI chat chunks (completion, done): not reassembled'] },
  },
  {
    name: 'comment lines and obfuscation are ignored',
    body: ': OPENROUTER PROCESSING\n\n' + data({ id: 'c', choices: [{ index: 0, delta: { content: 'ok' }, finish_reason: 'stop' }], obfuscation: 'xyz' }) + 'data: [DONE]\n\n',
    expect: { text: 'ok', finishReason: 'stop' },
  },
  {
    name: 'usage-only chunk with choices: [] and empty prompt_filter_results chunk',
    body: data({ id: 'c', choices: [], prompt_filter_results: [] }) + delta({ content: 'x' }, 'stop') + data({ id: 'c', choices: [], usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 2 }, cost: 0.0001 } }) + 'data: [DONE]\n\n',
    expect: { text: 'x', usage: { inputTokens: 7, outputTokens: 3, totalTokens: 10, cacheReadTokens: 4, cacheWriteTokens: undefined, reasoningTokens: 2, cost: 0.0001 } },
  },
  {
    // Moonshot's streaming guide: the last chunk carries the usage inside its choice.
    name: 'usage inside the last chunk\'s choice (Moonshot / Kimi)',
    body: delta({ role: 'assistant', content: 'Hi' }) + data({ id: 'c1', model: 'kimi-k2-0905-preview', created: 1, choices: [{ index: 0, delta: {}, finish_reason: 'stop', usage: { prompt_tokens: 19, completion_tokens: 13, total_tokens: 32 } }] }) + 'data: [DONE]\n\n',
    expect: { text: 'Hi', finishReason: 'stop', usage: { inputTokens: 19, outputTokens: 13, totalTokens: 32 } },
  },
  {
    // Kimi API reference (chat): `usage.cached_tokens`, beside prompt_tokens, is the part served from
    // cache (billed at the cache-hit price), not OpenAI's prompt_tokens_details.cached_tokens.
    name: 'Moonshot\'s cached_tokens beside prompt_tokens are cache reads',
    body: delta({ role: 'assistant', content: 'Hi' }) + data({ id: 'c1', model: 'kimi-k2-0905-preview', created: 1, choices: [{ index: 0, delta: {}, finish_reason: 'stop', usage: { prompt_tokens: 19, completion_tokens: 13, total_tokens: 32, cached_tokens: 12 } }] }) + 'data: [DONE]\n\n',
    expect: { text: 'Hi', usage: { inputTokens: 19, outputTokens: 13, totalTokens: 32, cacheReadTokens: 12 } },
  },
  {
    name: 'reasoning and reasoning_details are not counted twice',
    body: delta({ reasoning: 'think', reasoning_details: [{ type: 'reasoning.text', text: 'think' }] }) + delta({ reasoning_details: [{ type: 'reasoning.summary', summary: ' more' }] }) + delta({ content: 'answer' }, 'stop') + 'data: [DONE]\n\n',
    expect: { reasoning: 'think more', text: 'answer' },
  },
  // The delta's fields are read inline (applyDeltaFields) where they once went through routeContent,
  // firstText and asArray: each shape those helpers took still reads the same.
  {
    name: 'an empty reasoning does not hide reasoning_content; parts route text and thinking (Mistral)',
    body:
      delta({ reasoning: '', reasoning_content: 'r1' }) +
      delta({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: ' r2' }] }, { type: 'text', text: 'A' }, 'B'] }) +
      delta({ content: [{ type: 'thinking', thinking: ' r3' }], reasoning_details: [{ text: 'not read' }] }) +
      delta({ reasoning_details: [{ text: ' r4' }, { summary: ' r5' }, 7] }) +
      delta({ content: null, refusal: null, reasoning: 5, reasoning_details: 'not a list', tool_calls: 'not a list' }, 'stop') +
      'data: [DONE]\n\n',
    expect: { reasoning: 'r1 r2 r3 r4 r5', text: 'AB', refusal: undefined, toolCalls: [], finishReason: 'stop' },
  },
  {
    name: 'a choice that is not an object, or has no delta, adds nothing but still opens choice 0',
    body: data({ id: 'c', choices: [null] }) + data({ id: 'c', choices: [{ index: 0, finish_reason: '' }] }) + data({ id: 'c', choices: [{ index: 0, delta: 'x', finish_reason: 'stop' }] }) + 'data: [DONE]\n\n',
    expect: { text: '', reasoning: '', finishReason: 'stop', warnings: [] },
  },
  {
    name: 'an `event: error` without an error key, a string error, Groq usage under x_groq, and envelope fields of the wrong type',
    body:
      data({ id: 'c1', model: 'm1', created: 1700000000000, choices: [{ index: 0, delta: { content: 'a' } }] }) +
      data({ id: 7, model: null, created: 'x', choices: [], x_groq: { usage: { prompt_tokens: 5, completion_tokens: 2 } } }) +
      'event: error\ndata: {"message":"overloaded","type":"overloaded_error"}\n\n' +
      data({ error: 'plain' }),
    expect: { id: 'c1', model: 'm1', created: 1700000000, text: 'a', usage: { inputTokens: 5, outputTokens: 2 }, error: { message: 'plain' } },
  },
  {
    name: 'refusal',
    body: delta({ refusal: "I can't" }) + delta({ refusal: ' help.' }, 'stop') + 'data: [DONE]\n\n',
    expect: { refusal: "I can't help.", text: '' },
  },
  {
    name: 'truncated stream gets a warning',
    body: delta({ content: 'partial' }),
    expect: { text: 'partial', truncated: true },
  },
  {
    name: 'mid-stream error event',
    body: delta({ content: 'a' }) + data({ error: { message: 'Provider returned error', code: 502 } }),
    expect: { text: 'a', error: { message: 'Provider returned error', type: undefined, code: 502 } },
  },
  {
    // Gemini's OpenAI-compatible stream: parallel calls whole in one chunk, empty ids, no index.
    name: 'whole tool calls without index or id are separate calls; a repeated name mid-arguments is not',
    body:
      delta({ tool_calls: [{ id: '', type: 'function', function: { name: 'w', arguments: '{"city":"Paris"}' } }, { id: '', type: 'function', function: { name: 'w', arguments: '{"city":"Rome"}' } }] }) +
      delta({ tool_calls: [{ function: { name: 'x', arguments: '{"a":' } }] }) +
      delta({ tool_calls: [{ function: { name: 'x', arguments: '1}' } }] }, 'tool_calls') +
      'data: [DONE]\n\n',
    expect: { toolCalls: [{ name: 'w', arguments: { city: 'Paris' } }, { name: 'w', arguments: { city: 'Rome' } }, { name: 'x', arguments: { a: 1 }, argumentsError: undefined }] },
  },
  {
    name: 'a leading byte-order mark does not hide the first event',
    body: '\ufeff' + delta({ role: 'assistant', content: 'Hel' }) + delta({ content: 'lo' }, 'stop') + 'data: [DONE]\n\n',
    expect: { text: 'Hello', finishReason: 'stop' },
  },
  {
    name: 'a JSON body starting with a byte-order mark is read',
    headers: json,
    body: '\ufeff' + JSON.stringify({ id: 'x', model: 'gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1 } }),
    expect: { text: 'ok', usage: { inputTokens: 3, outputTokens: 1 } },
  },
  {
    name: 'non-streamed JSON with legacy function_call',
    headers: json,
    body: JSON.stringify({ id: 'x', model: 'gpt-3.5-turbo', choices: [{ index: 0, message: { role: 'assistant', content: null, function_call: { name: 'f', arguments: '{"a":1}' } }, finish_reason: 'function_call' }] }),
    expect: { streamed: false, finishReason: 'function_call', toolCalls: [{ id: undefined, name: 'f', arguments: { a: 1 }, argumentsText: '{"a":1}', argumentsError: undefined }] },
  },
  {
    name: 'HTTP error body',
    headers: json,
    status: 429,
    body: JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }),
    expect: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
  },
];

describe('reassembleOpenAIChat', () => {
  it.each(cases)('$name', ({ body, headers, status, expect: expected }) => {
    const result = analyzeInteraction(interaction({ model: 'm', messages: [] }, body, headers, status));
    expect(result?.provider).toBe('openai-chat');
    expect(result?.response).toMatchObject(expected);
  });

  it('keeps invalid tool-call JSON as text and flags it', () => {
    const body = delta({ tool_calls: [{ index: 0, id: 'c1', function: { name: 'f', arguments: '{"a": ' } }] }) + delta({}, 'tool_calls') + 'data: [DONE]\n\n';
    const call = analyzeInteraction(interaction({}, body))?.response?.toolCalls[0];
    expect(call).toMatchObject({ name: 'f', arguments: '{"a": ', argumentsError: expect.stringContaining('not valid JSON') });
  });

  it('assembles several choices', () => {
    const body = delta({ content: 'A' }, null, 0) + delta({ content: 'B' }, null, 1) + delta({}, 'stop', 0) + delta({}, 'length', 1) + 'data: [DONE]\n\n';
    const r = analyzeInteraction(interaction({}, body))?.response;
    expect(r?.choices?.map((c) => [c.text, c.finishReason])).toEqual([['A', 'stop'], ['B', 'length']]);
  });

  it('reads the request side', () => {
    const req = analyzeInteraction(interaction({
      model: 'gpt-4o', stream: true, max_tokens: 10, temperature: 0, tool_choice: 'auto',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }, { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 't1', content: 'done' }],
      tools: [{ type: 'function', function: { name: 'f', description: 'does f', parameters: { type: 'object', properties: { a: {}, b: {} } } } }],
    }, ''))?.request;
    expect(req?.model).toBe('gpt-4o');
    expect(req?.params).toEqual({ stream: true, max_tokens: 10, temperature: 0, tool_choice: 'auto' });
    expect(req?.messages.map((m) => [m.role, m.text, m.toolCallId])).toEqual([['user', 'look', undefined], ['assistant', '', undefined], ['tool', 'done', 't1']]);
    expect(req?.messages[0]?.parts?.[1]).toMatchObject({ type: 'image' });
    expect(req?.tools).toEqual([{ name: 'f', description: 'does f', parameters: ['a', 'b'], schema: expect.anything() }]);
  });
});

describe('samples reassemble as documented', () => {
  const load = (rel: string) => loadCassette(readFileSync(join(SAMPLES, rel)), rel);
  it('parallel tool calls keyed by index', () => {
    const r = analyzeInteraction(load('go-vcr-v2/openai-chat-parallel-tools.yaml').interactions[0]!)?.response;
    expect(r?.toolCalls.map((c) => [c.id, c.name, c.arguments])).toEqual([
      ['call_paris01', 'get_weather', { city: 'Paris', unit: 'celsius' }],
      ['call_rome02', 'get_weather', { city: 'Rome', unit: 'celsius' }],
    ]);
  });
  it('reasoning stream', () => {
    const r = analyzeInteraction(load('go-vcr-v2/openai-chat-reasoning-stream.yaml').interactions[0]!)?.response;
    expect(r?.reasoning).toContain('= 408');
    expect(r?.text).toBe('17 × 24 = **408**.');
    expect(r?.usage?.reasoningTokens).toBe(48);
  });
});

describe.skipIf(!hasSeed)('the seed cassette', () => {
  it('reassembles both interactions as documented', () => {
    const c = loadCassette(readFileSync(SEED), SEED);
    const [a, b] = c.interactions.map((i) => analyzeInteraction(i)!.response!);
    expect(a).toMatchObject({ text: "I'll check the weather in Florence, Italy for you.", finishReason: 'tool_calls', usage: { inputTokens: 94, outputTokens: 32, cost: 0.00008436 } });
    expect(a!.toolCalls).toEqual([expect.objectContaining({ name: 'weather', arguments: { location: 'Florence,Italy' } })]);
    expect(b).toMatchObject({ text: 'The weather in Florence, Italy is currently 40°C (104°F) - quite hot!', finishReason: 'stop', usage: { inputTokens: 147, outputTokens: 20, cost: 0.00008626 } });
  });
});
