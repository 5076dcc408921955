import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { anthropic } from '../../src/providers/anthropic.js';
import { exchange, JSON_HEADERS, SSE_HEADERS, sse } from './b-helpers.js';

const URL = 'https://api.anthropic.com/v1/messages';
const start = (usage: Record<string, unknown> = { input_tokens: 10, output_tokens: 1 }) => ({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [], stop_reason: null, usage } });
const blockStart = (index: number, content_block: Record<string, unknown>) => ({ type: 'content_block_start', index, content_block });
const delta = (index: number, d: Record<string, unknown>) => ({ type: 'content_block_delta', index, delta: d });
const stop = (index: number) => ({ type: 'content_block_stop', index });
const messageDelta = (stop_reason: string, usage: Record<string, unknown> = { output_tokens: 15 }) => ({ type: 'message_delta', delta: { stop_reason, stop_sequence: null }, usage });
const END = { type: 'message_stop' };

const streamed: { name: string; events: Record<string, unknown>[]; raw?: string; expect: Record<string, unknown> }[] = [
  {
    name: 'a block started again at a used index is a new block (tool-call identity)',
    events: [start(), blockStart(0, { type: 'tool_use', id: 'toolu_a', name: 'f', input: {} }), delta(0, { type: 'input_json_delta', partial_json: '{"n":1}' }), stop(0), blockStart(0, { type: 'tool_use', id: 'toolu_b', name: 'f', input: {} }), delta(0, { type: 'input_json_delta', partial_json: '{"n":2}' }), stop(0), messageDelta('tool_use'), END],
    expect: { toolCalls: [expect.objectContaining({ id: 'toolu_a', arguments: { n: 1 } }), expect.objectContaining({ id: 'toolu_b', arguments: { n: 2 } })] },
  },
  {
    name: 'text, with cache counts added to the prompt size',
    events: [start({ input_tokens: 10, cache_read_input_tokens: 20, cache_creation_input_tokens: 5, output_tokens: 1 }), { type: 'ping' }, blockStart(0, { type: 'text', text: '' }), delta(0, { type: 'text_delta', text: 'Hel' }), delta(0, { type: 'text_delta', text: 'lo' }), stop(0), messageDelta('end_turn'), END],
    expect: { text: 'Hello', finishReason: 'end_turn', id: 'msg_1', model: 'claude-sonnet-4-5', streamed: true, warnings: [], usage: { inputTokens: 35, outputTokens: 15, cacheReadTokens: 20, cacheWriteTokens: 5 } },
  },
  {
    name: 'message_delta usage is cumulative: it overwrites, never adds',
    events: [start({ input_tokens: 10, output_tokens: 3 }), messageDelta('end_turn', { input_tokens: 12, output_tokens: 40 }), END],
    expect: { usage: { inputTokens: 12, outputTokens: 40 } },
  },
  {
    name: 'tool_use input assembled from input_json_delta at block stop',
    events: [start(), blockStart(0, { type: 'text', text: '' }), delta(0, { type: 'text_delta', text: 'Checking.' }), stop(0), blockStart(1, { type: 'tool_use', id: 'toolu_1', name: 'weather', input: {} }), delta(1, { type: 'input_json_delta', partial_json: '' }), delta(1, { type: 'input_json_delta', partial_json: '{"city": "Pa' }), delta(1, { type: 'input_json_delta', partial_json: 'ris"}' }), stop(1), messageDelta('tool_use'), END],
    expect: { text: 'Checking.', finishReason: 'tool_use', toolCalls: [{ id: 'toolu_1', name: 'weather', arguments: { city: 'Paris' }, argumentsText: '{"city": "Paris"}', argumentsError: undefined }] },
  },
  {
    name: 'a tool without parameters gets {}',
    events: [start(), blockStart(0, { type: 'tool_use', id: 'toolu_2', name: 'now', input: {} }), delta(0, { type: 'input_json_delta', partial_json: '' }), stop(0), messageDelta('tool_use'), END],
    expect: { toolCalls: [expect.objectContaining({ name: 'now', arguments: {} })] },
  },
  {
    name: 'thinking with signature_delta ignored',
    events: [start(), blockStart(0, { type: 'thinking', thinking: '', signature: '' }), delta(0, { type: 'thinking_delta', thinking: 'Let me ' }), delta(0, { type: 'thinking_delta', thinking: 'think.' }), delta(0, { type: 'signature_delta', signature: 'EqQBCgIYAhIM' }), stop(0), blockStart(1, { type: 'text', text: '' }), delta(1, { type: 'text_delta', text: '42' }), stop(1), messageDelta('end_turn'), END],
    expect: { reasoning: 'Let me think.', text: '42' },
  },
  {
    name: 'redacted thinking is counted, not shown',
    events: [start(), blockStart(0, { type: 'redacted_thinking', data: 'EmwKAhgBEgy3' }), stop(0), blockStart(1, { type: 'text', text: 'ok' }), stop(1), messageDelta('end_turn'), END],
    expect: { reasoning: '', redactedThinkingBlocks: 1, text: 'ok' },
  },
  {
    name: 'server tool use, search results and citations',
    events: [start(), blockStart(0, { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} }), delta(0, { type: 'input_json_delta', partial_json: '{"query":"tokyo"}' }), stop(0), blockStart(1, { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [{ type: 'web_search_result', url: 'https://example.com', title: 'T' }] }), stop(1), blockStart(2, { type: 'text', text: '', citations: [] }), delta(2, { type: 'citations_delta', citation: { type: 'web_search_result_location', cited_text: 'x' } }), delta(2, { type: 'text_delta', text: 'Tokyo is big.' }), stop(2), messageDelta('end_turn'), END],
    expect: { text: 'Tokyo is big.', toolCalls: [expect.objectContaining({ name: 'web_search', arguments: { query: 'tokyo' }, serverSide: true })] },
  },
  {
    name: 'mid-stream error event keeps the partial text',
    events: [start(), blockStart(0, { type: 'text', text: '' }), delta(0, { type: 'text_delta', text: 'Par' }), { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }],
    expect: { text: 'Par', error: { message: 'Overloaded', type: 'overloaded_error' } },
  },
  {
    name: 'no message_stop means truncated',
    events: [start(), blockStart(0, { type: 'text', text: '' }), delta(0, { type: 'text_delta', text: 'partial' })],
    expect: { text: 'partial', truncated: true, warnings: [expect.stringContaining('without message_stop')] },
  },
  {
    name: 'invalid streamed tool JSON is kept and flagged',
    events: [start(), blockStart(0, { type: 'tool_use', id: 't', name: 'f', input: {} }), delta(0, { type: 'input_json_delta', partial_json: '{"a": ' }), stop(0), messageDelta('max_tokens'), END],
    expect: { finishReason: 'max_tokens', toolCalls: [expect.objectContaining({ arguments: '{"a": ', argumentsError: expect.stringContaining('not valid JSON') })], warnings: [expect.stringContaining('tool call f')] },
  },
  {
    name: 'an unparseable chunk is a warning with its line',
    events: [start()],
    raw: 'event: content_block_delta\ndata: {not json\n\n' + sse([messageDelta('end_turn'), END]),
    expect: { warnings: [expect.stringMatching(/content_block_delta at body line \d+ is not a JSON object/)] },
  },
];

describe('anthropic streams', () => {
  it.each(streamed)('$name', ({ events, raw, expect: expected }) => {
    const result = analyzeInteraction(exchange({ url: URL, request: { model: 'claude-sonnet-4-5', max_tokens: 100, stream: true, messages: [] }, response: sse(events) + (raw ?? ''), headers: SSE_HEADERS }));
    expect(result?.provider).toBe('anthropic');
    expect(result?.response).toMatchObject(expected);
  });
});

const json: { name: string; body: unknown; status?: number; expect: Record<string, unknown> }[] = [
  {
    name: 'text, thinking and a tool call',
    body: { id: 'msg_2', type: 'message', role: 'assistant', model: 'claude-opus-4-1', content: [{ type: 'thinking', thinking: 'Need weather.', signature: 'sig' }, { type: 'text', text: 'Let me check.' }, { type: 'tool_use', id: 'toolu_3', name: 'weather', input: { city: 'Rome' } }], stop_reason: 'tool_use', usage: { input_tokens: 100, cache_read_input_tokens: 0, cache_creation_input_tokens: 50, output_tokens: 20 } },
    expect: { streamed: false, id: 'msg_2', reasoning: 'Need weather.', text: 'Let me check.', finishReason: 'tool_use', toolCalls: [{ id: 'toolu_3', name: 'weather', arguments: { city: 'Rome' }, argumentsText: '{"city":"Rome"}', argumentsError: undefined }], usage: { inputTokens: 150, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 50 } },
  },
  {
    name: 'HTTP error body',
    status: 401,
    body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
    expect: { error: { message: 'invalid x-api-key', type: 'authentication_error' }, text: '' },
  },
  {
    name: 'overloaded 529',
    status: 529,
    body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    expect: { error: { message: 'Overloaded', type: 'overloaded_error' } },
  },
  {
    name: 'legacy text completion',
    body: { completion: ' Hello', stop_reason: 'stop_sequence', model: 'claude-2.1' },
    expect: { text: ' Hello', finishReason: 'stop_sequence', model: 'claude-2.1' },
  },
];

describe('anthropic JSON responses', () => {
  it.each(json)('$name', ({ body, status, expect: expected }) => {
    const result = analyzeInteraction(exchange({ url: URL, request: { model: 'm', max_tokens: 1, messages: [] }, response: JSON.stringify(body), headers: JSON_HEADERS, status }));
    expect(result?.response).toMatchObject(expected);
  });
});

describe('anthropic detection and request side', () => {
  it.each([
    ['https://api.anthropic.com/v1/messages', true],
    ['https://api.anthropic.com/v1/messages?beta=true', true],
    ['https://litellm.local/anthropic/v1/messages', true],
    ['https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-3-7-sonnet@20250219:streamRawPredict', true],
    ['https://api.anthropic.com/v1/messages/count_tokens', false],
    ['https://api.anthropic.com/v1/messages/batches', false],
    ['https://api.openai.com/v1/threads/thread_1/messages', false],
    ['https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-v2/invoke', false],
  ])('%s -> %s', (url, detected) => {
    expect(anthropic.detect(exchange({ url, request: { messages: [], max_tokens: 1 } }))).toBe(detected);
  });

  it('takes the Vertex model from the URL', () => {
    const req = anthropic.parseRequest(exchange({ url: 'https://x-aiplatform.googleapis.com/v1/projects/p/locations/l/publishers/anthropic/models/claude-3-7-sonnet@20250219:streamRawPredict', request: { anthropic_version: 'vertex-2023-10-16', max_tokens: 5, messages: [] } }));
    expect(req).toMatchObject({ model: 'claude-3-7-sonnet@20250219', stream: true, params: { max_tokens: 5 } });
  });

  it('reads system, content blocks, tool use and tool results, and tools', () => {
    const req = anthropic.parseRequest(exchange({
      url: URL,
      request: {
        model: 'claude-sonnet-4-5', max_tokens: 1024, temperature: 0, thinking: { type: 'enabled', budget_tokens: 2000 },
        system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'Use tools.' }],
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }] },
          { role: 'assistant', content: [{ type: 'thinking', thinking: 'hm', signature: 's' }, { type: 'tool_use', id: 'tu1', name: 'weather', input: { city: 'Rome' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tu1', content: [{ type: 'text', text: '20 C' }] }, { type: 'text', text: 'And tomorrow?' }] },
          { role: 'assistant', content: 'plain string' },
        ],
        tools: [{ name: 'weather', description: 'Get weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }, { type: 'web_search_20250305', name: 'web_search', max_uses: 3 }],
      },
    }));
    expect(req.system).toBe('Be brief.\nUse tools.');
    expect(req.params).toEqual({ max_tokens: 1024, temperature: 0, thinking: { type: 'enabled', budget_tokens: 2000 } });
    expect(req.messages.map((m) => [m.role, m.text, m.toolCallId])).toEqual([
      ['user', 'Weather?', undefined],
      ['assistant', '', undefined],
      ['tool', '20 C', 'tu1'],
      ['user', 'And tomorrow?', undefined],
      ['assistant', 'plain string', undefined],
    ]);
    expect(req.messages[0]?.parts?.[1]).toEqual({ type: 'image', summary: 'image/png, 0 KB inline', inline: { mediaType: 'image/png', base64: 'AAAA' } });
    expect(req.messages[1]?.parts?.[0]).toEqual({ type: 'thinking', text: 'hm' });
    expect(req.messages[1]?.toolCalls).toEqual([{ id: 'tu1', name: 'weather', arguments: { city: 'Rome' }, argumentsText: '{"city":"Rome"}' }]);
    expect(req.tools.map((t) => [t.name, t.parameters])).toEqual([['weather', ['city']], ['web_search', []]]);
  });
});
