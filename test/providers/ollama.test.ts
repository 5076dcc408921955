import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { ollama } from '../../src/providers/ollama.js';
import { exchange, JSON_HEADERS, NDJSON_HEADERS } from './b-helpers.js';

const CHAT = 'http://localhost:11434/api/chat';
const GENERATE = 'http://localhost:11434/api/generate';
const line = (o: Record<string, unknown>) => `${JSON.stringify({ model: 'qwen3:8b', created_at: '2025-08-20T13:48:22.164615Z', ...o })}\n`;
const msg = (message: Record<string, unknown>) => line({ message: { role: 'assistant', content: '', ...message }, done: false });
const done = (extra: Record<string, unknown> = {}) => line({ message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', total_duration: 1, prompt_eval_count: 20, eval_count: 55, ...extra });

const cases: { name: string; url?: string; body: string; headers?: { name: string; value: string }[]; status?: number; expect: Record<string, unknown> }[] = [
  {
    name: 'streamed chat text and usage',
    body: msg({ content: 'Hel' }) + msg({ content: 'lo' }) + done(),
    expect: { text: 'Hello', finishReason: 'stop', model: 'qwen3:8b', created: 1755697702, streamed: true, usage: { inputTokens: 20, outputTokens: 55 }, warnings: [] },
  },
  {
    name: 'streamed thinking',
    body: msg({ thinking: 'Two plus ' }) + msg({ thinking: 'two.' }) + msg({ content: '4' }) + done(),
    expect: { reasoning: 'Two plus two.', text: '4' },
  },
  {
    name: 'tool calls with object arguments',
    body: msg({ tool_calls: [{ function: { name: 'getWeather', arguments: { location: 'Paris' } } }] }) + done(),
    expect: { toolCalls: [{ id: undefined, name: 'getWeather', arguments: { location: 'Paris' }, argumentsText: '{"location":"Paris"}', argumentsError: undefined }] },
  },
  {
    name: 'streamed generate',
    url: GENERATE,
    body: line({ response: 'Okay', done: false }) + line({ response: ', 1 2 3', done: false }) + line({ response: '', done: true, done_reason: 'length', context: [1, 2], prompt_eval_count: 9, eval_count: 50 }),
    expect: { text: 'Okay, 1 2 3', finishReason: 'length', usage: { inputTokens: 9, outputTokens: 50 } },
  },
  {
    name: 'non-streamed chat JSON',
    headers: JSON_HEADERS,
    body: JSON.stringify({ model: 'llama3.1', created_at: '2025-02-17T18:33:47Z', message: { role: 'assistant', content: 'Hi!' }, done: true, done_reason: 'stop', prompt_eval_count: 10, eval_count: 3 }),
    expect: { text: 'Hi!', streamed: false, finishReason: 'stop', usage: { inputTokens: 10, outputTokens: 3 } },
  },
  {
    name: 'HTTP error body',
    headers: JSON_HEADERS,
    status: 404,
    body: JSON.stringify({ error: 'model "nope" not found, try pulling it first' }),
    expect: { error: { message: 'model "nope" not found, try pulling it first' } },
  },
  {
    name: 'mid-stream error line',
    body: msg({ content: 'par' }) + '{"error":"an error was encountered while running the model"}\n',
    expect: { text: 'par', error: { message: 'an error was encountered while running the model' } },
  },
  {
    name: 'no done line means truncated',
    body: msg({ content: 'partial' }),
    expect: { text: 'partial', truncated: true, warnings: [expect.stringContaining('without a "done": true line')] },
  },
  {
    name: 'a line that is not JSON is a warning',
    body: msg({ content: 'a' }) + '{"model":"qwen3:8b","mess\n' + done(),
    expect: { text: 'a', warnings: [expect.stringMatching(/^line 2 is not JSON/)] },
  },
];

describe('ollama responses', () => {
  it.each(cases)('$name', ({ url, body, headers, status, expect: expected }) => {
    const result = analyzeInteraction(exchange({ url: url ?? CHAT, request: { model: 'qwen3:8b', messages: [] }, response: body, headers: headers ?? NDJSON_HEADERS, status }));
    expect(result?.provider).toBe('ollama');
    expect(result?.response).toMatchObject(expected);
  });
});

describe('ollama detection and request side', () => {
  it.each([
    [CHAT, true],
    [GENERATE, true],
    ['https://ollama.example.com/api/chat/', true],
    ['http://localhost:11434/v1/chat/completions', false],
    ['http://localhost:11434/api/embed', false],
    ['http://localhost:11434/api/tags', false],
  ])('%s -> %s', (url, detected) => {
    expect(ollama.detect(exchange({ url }))).toBe(detected);
  });

  it('reads chat messages, tool calls, tools and options; streams by default', () => {
    const req = ollama.parseRequest(exchange({
      url: CHAT,
      request: {
        model: 'llama3.1', think: true, options: { temperature: 0, num_predict: 50 },
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Look', images: ['AAAA'] },
          { role: 'assistant', content: '', thinking: 'hm', tool_calls: [{ function: { name: 'getWeather', arguments: { location: 'Paris' } } }] },
          { role: 'tool', content: '20 C', tool_name: 'getWeather' },
        ],
        tools: [{ type: 'function', function: { name: 'getWeather', description: 'Retrieve the weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }],
      },
    }));
    expect(req).toMatchObject({ provider: 'ollama', model: 'llama3.1', stream: true, params: { think: true, temperature: 0, num_predict: 50 } });
    expect(req.messages.map((m) => [m.role, m.text, m.name])).toEqual([['system', 'Be brief.', undefined], ['user', 'Look', undefined], ['assistant', '', undefined], ['tool', '20 C', 'getWeather']]);
    expect(req.messages[1]?.parts).toEqual([{ type: 'image', summary: 'image, 0 KB inline', inline: { mediaType: undefined, base64: 'AAAA' } }]);
    expect(req.messages[2]?.parts?.[0]).toEqual({ type: 'thinking', text: 'hm' });
    expect(req.messages[2]?.toolCalls?.[0]).toMatchObject({ name: 'getWeather', arguments: { location: 'Paris' } });
    expect(req.tools.map((t) => [t.name, t.parameters])).toEqual([['getWeather', ['location']]]);
  });

  it('reads a generate prompt and system', () => {
    const req = ollama.parseRequest(exchange({ url: GENERATE, request: { model: 'gemma3:1b', prompt: 'Count to 5', system: 'Numbers only.', stream: false } }));
    expect(req).toMatchObject({ system: 'Numbers only.', stream: false, params: { stream: false } });
    expect(req.messages).toEqual([{ role: 'user', text: 'Count to 5' }]);
  });
});
