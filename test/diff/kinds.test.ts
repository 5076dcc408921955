import { describe, expect, it } from 'vitest';
import { diffCassettes } from '../../src/diff/compare.js';
import { describeTextChange } from '../../src/diff/text-diff.js';
import { headline } from '../../src/diff/summary.js';
import { loadCassette } from '../../src/load.js';
import { type Call, reply, vcrpy } from './fixtures.js';

// Each fault kind of issue 13 on self-written cassettes, so it stays tested without ../shared.
const user = (content: string, extra: Record<string, unknown> = {}) => ({ model: 'gpt-4o', messages: [{ role: 'user', content }], ...extra });
const lines = (before: Call[], after: Call[], side: 'request' | 'response' = 'request', k = 0) => diffCassettes(vcrpy(before), vcrpy(after)).interactions[k]![side]!.summary.map((l) => l.text);
const diff = (before: Call[], after: Call[]) => diffCassettes(vcrpy(before), vcrpy(after));

describe('pairing by identity', () => {
  it('three calls in another order: each pairs with its twin, order changed, no differences', () => {
    const calls = ['a', 'b', 'c'].map((x) => ({ body: user(x), response: reply(x.toUpperCase()) }));
    const d = diff(calls, [calls[2]!, calls[0]!, calls[1]!]);
    expect(d.interactions.map((x) => [x.before, x.after, x.status])).toEqual([
      [2, 0, 'same'],
      [0, 1, 'same'],
      [1, 2, 'same'],
    ]);
    expect([d.different, d.orderChanged]).toEqual([false, true]);
  });

  it('a changed route pairs when model and body agree (/api/embeddings → /api/embed)', () => {
    const d = diff([{ url: 'http://localhost:11434/api/embeddings', body: { model: 'nomic-embed-text', prompt: 'hello world' }, response: { embedding: [0.1] } }], [{ url: 'http://localhost:11434/api/embed', body: { model: 'nomic-embed-text', input: 'hello world' }, response: { embeddings: [[0.1]] } }]);
    expect(d.interactions.map((x) => x.status)).toEqual(['changed']);
    expect(d.interactions[0]!.request!.summary[0]!.text).toBe('path: /api/embeddings → /api/embed');
  });

  it('ids in paths are masked: a re-recorded poll pairs with its old self', () => {
    const poll = (thread: string, run: string, status: string): Call => ({ method: 'GET', url: `https://api.openai.com/v1/threads/${thread}/runs/${run}`, response: { id: run, status } });
    const d = diff([poll('thread_abc123', 'run_abc123', 'queued'), poll('thread_abc123', 'run_abc123', 'done')], [poll('thread_xyz789', 'run_xyz789', 'done')]);
    expect(d.interactions.map((x) => [x.before, x.after, x.status])).toEqual([
      [0, undefined, 'removed'],
      [1, 0, 'same'],
    ]);
  });

  it('added and removed interactions say what they are: model and first user message', () => {
    const d = diff([{ body: user('keep') }], [{ body: user('keep') }, { body: user('What is the weather in Rome?', { model: 'gpt-4.1' }) }]);
    expect(d.interactions[1]).toMatchObject({ status: 'added', label: 'POST https://api.openai.com/v1/chat/completions', description: 'model gpt-4.1, "What is the weather in Rome?"' });
  });
});

describe('messages, tools and ids', () => {
  const call = (id: string, args: string) => ({ role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name: 'weather', arguments: args } }] });
  const result = (id: string, content: string) => ({ role: 'tool', tool_call_id: id, content });

  it('a message inserted in the middle is an insertion, not edits of every later message', () => {
    const before = { model: 'gpt-4o', messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a2' }] };
    const after = { model: 'gpt-4o', messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a1' }, { role: 'user', content: 'more' }, { role: 'assistant', content: 'a2' }] };
    const summary = diffCassettes(vcrpy([{ body: before }]), vcrpy([{ body: after }])).interactions[0]!.request!.summary;
    expect(summary.map((l) => l.text)).toEqual(['messages[1] inserted (assistant: "a1")', 'messages[2] inserted (user: "more")']);
    expect(headline(summary)).toBe('2 messages inserted at [1]');
  });

  it('tool-call ids renamed consistently are noise; an id now pointing at another call is not', () => {
    const body = (a: string, b: string) => ({ model: 'gpt-4o', messages: [{ role: 'user', content: 'q' }, call(a, '{"location":"Rome"}'), result(b, '20 C')] });
    const same = diff([{ body: body('call_AAAA1111', 'call_AAAA1111') }], [{ body: body('call_BBBB2222', 'call_BBBB2222') }]);
    expect(same.different).toBe(false);
    expect(same.interactions[0]!.noise).toEqual(['id renamed consistently: call_AAAA1111 → call_BBBB2222 (2 places)']);
    const broken = diff([{ body: body('call_AAAA1111', 'call_AAAA1111') }], [{ body: body('call_BBBB2222', 'call_CCCC3333') }]);
    expect(broken.different).toBe(true);
  });

  it('tool-call arguments are compared as JSON: reordered keys are equal, a renamed key is named', () => {
    const body = (args: string) => ({ model: 'gpt-4o', messages: [{ role: 'user', content: 'q' }, call('call_1', args)] });
    expect(diff([{ body: body('{"a":1,"b":2}') }], [{ body: body('{"b":2,"a":1}') }]).different).toBe(false);
    expect(lines([{ body: body('{"location":"Rome"}') }], [{ body: body('{"city":"Rome"}') }])).toEqual(['messages[1].tool_calls[0].function.arguments.location removed (was "Rome")', 'messages[1].tool_calls[0].function.arguments.city added ("Rome")']);
  });

  it('tools are keyed by name, and a list of scalars says what was added and removed', () => {
    const tool = (name: string, required: string[]) => ({ type: 'function', function: { name, parameters: { type: 'object', required } } });
    const before = user('q', { tools: [tool('a', ['x']), tool('b', ['y', 'z'])] });
    const after = user('q', { tools: [tool('b', ['z', 'w']), tool('a', ['x'])] });
    expect(lines([{ body: before }], [{ body: after }])).toEqual(['tools.b.parameters.required - y, + w']);
  });
});

describe('signal', () => {
  it('request headers: behaviour headers compared, added/removed named with secrets masked, volatile ones ignored', () => {
    const key = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789';
    const before: Call = { body: user('q'), headers: { 'anthropic-version': '2023-06-01', 'User-Agent': 'sdk/1.0', 'x-request-id': 'a' } };
    const after: Call = { body: user('q'), headers: { 'anthropic-version': '2024-01-01', 'User-Agent': 'sdk/2.0', 'x-request-id': 'b', 'x-api-key': key, 'anthropic-beta': 'tools-2024' } };
    const out = lines([before], [after]);
    expect(out).toEqual(['request header anthropic-version: 2023-06-01 → 2024-01-01', 'request header x-api-key added (sk-a…(49 chars))', 'request header anthropic-beta added (tools-2024)']);
    expect(out.join('\n')).not.toContain(key);
  });

  it('long strings are diffed inside: by line, else by word with context', () => {
    expect(describeTextChange('one\ntwo\nthree\n', 'one\ntwo and a half\nthree\n')).toBe('- two; + two and a half');
    const a = 'You are a careful assistant. Always answer in English and keep every answer under fifty words please.';
    const b = 'You are a careful assistant. Always answer in French and keep every answer under fifty words please.';
    expect(describeTextChange(a, b)).toBe('…Always answer in [-English-]{+French+} and keep every…');
  });

  it('a model in the URL (Bedrock, Vertex) is "model changed"', () => {
    const bedrock = (m: string): Call => ({ url: `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(m)}/converse`, body: { messages: [{ role: 'user', content: [{ text: 'hi' }] }] }, response: { output: { message: { role: 'assistant', content: [{ text: 'x' }] } }, stopReason: 'end_turn' } });
    expect(lines([bedrock('anthropic.claude-3-haiku-20240307-v1:0')], [bedrock('anthropic.claude-3-5-haiku-20241022-v1:0')])).toEqual(['model changed: anthropic.claude-3-haiku-20240307-v1:0 → anthropic.claude-3-5-haiku-20241022-v1:0']);
    const vertex = (m: string): Call => ({ url: `https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/${m}:generateContent`, body: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] } });
    expect(lines([vertex('gemini-1.5-pro')], [vertex('gemini-2.5-pro')])).toEqual(['model changed: gemini-1.5-pro → gemini-2.5-pro']);
  });

  it('query parameters one by one, credentials masked', () => {
    const url = (q: string): Call => ({ url: `https://example.com/v1/x?${q}`, body: user('q') });
    expect(lines([url('a=1&key=AIzaSyA1234567890abcdefghijklmnopqrstuv&b=2')], [url('a=2&key=AIzaSyB1234567890abcdefghijklmnopqrstuv&c=3')])).toEqual([
      'url query a: 1 → 2',
      'url query key: AIza…(39 chars) → AIza…(39 chars)',
      'url query b removed (was 2)',
      'url query c added (3)',
    ]);
  });

  it('status, finish reason and tool calls lead the headline', () => {
    const before: Call = { body: user('q'), response: reply('partial', 'gpt-4o', { choices: [{ index: 0, message: { role: 'assistant', content: 'partial' }, finish_reason: 'length' }] }) };
    const after: Call = { body: user('q'), status: 500, response: { error: { message: 'server error', type: 'server_error' } } };
    const d = diff([before], [after]).interactions[0]!;
    expect(headline([...d.request!.summary, ...d.response!.summary])).toMatch(/^status 200 → 500 \(now failing\), finish reason: length → \(none\)/);
    const tools: Call = { body: user('q'), response: reply('', 'gpt-4o', { choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{}' } }] }, finish_reason: 'tool_calls' }] }) };
    const t = diff([before], [tools]).interactions[0]!;
    expect(headline(t.response!.summary)).toMatch(/^finish reason: length → tool_calls, tool calls changed/);
  });

  it('Polly postData.textJSON is read as the request body', () => {
    const har = (model: string) => JSON.stringify({ log: { version: '1.2', creator: { name: 'Polly.JS', version: '6.0.6' }, entries: [{ _id: 'a', _order: 0, request: { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', headers: [], postData: { mimeType: 'application/json', textJSON: { model, messages: [{ role: 'user', content: 'hi' }] } } }, response: { status: 200, headers: [], content: { mimeType: 'application/json', text: JSON.stringify(reply('ok')) } }, startedDateTime: '2025-01-01T00:00:00.000Z', time: 1 }] } });
    const d = diffCassettes(loadCassette(har('gpt-4o'), 'a.har'), loadCassette(har('gpt-4.1'), 'b.har'));
    expect(d.interactions[0]!.request!.summary.map((l) => l.text)).toEqual(['model changed: gpt-4o → gpt-4.1']);
  });
});

describe('same data in another encoding is equal', () => {
  it('a multipart body whose only change is the boundary', () => {
    const part = (b: string): Call => ({ url: 'https://api.openai.com/v1/files', headers: { 'Content-Type': `multipart/form-data; boundary=${b}` }, body: `--${b}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--${b}--\r\n` });
    expect(diff([part('xyz111')], [part('abc222')]).different).toBe(false);
    const changed = { ...part('abc222'), body: part('abc222').body!.toString().replace('batch', 'fine-tune') };
    expect(diff([part('xyz111')], [changed]).different).toBe(true);
  });

  it('a gzip-compressed response and the same response in plain text', () => {
    expect(diff([{ body: user('q'), response: reply('hello') }], [{ body: user('q'), response: reply('hello'), gzip: true }]).different).toBe(false);
  });

  it('reordered JSON keys, a reordered scope set, and null vs 0 for an absent usage count', () => {
    expect(diff([{ body: { a: 1, b: { c: 2, d: 3 } } }], [{ body: { b: { d: 3, c: 2 }, a: 1 } }]).different).toBe(false);
    const token = (scope: string): Call => ({ url: 'https://oauth2.example.com/token', body: 'grant_type=refresh_token', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, response: { access_token: 'x', scope } });
    expect(diff([token('openid email https://example.com/auth/a')], [token('https://example.com/auth/a email openid')]).different).toBe(false);
    expect(diff([token('openid email')], [token('openid profile')]).different).toBe(true);
    const usage = (u: unknown): Call => ({ body: user('q'), response: reply('x', 'gpt-4o', { usage: u }) });
    expect(diff([usage({ prompt_tokens: 10, completion_tokens: 5, completion_tokens_details: { reasoning_tokens: null } })], [usage({ prompt_tokens: 10, completion_tokens: 5, completion_tokens_details: { reasoning_tokens: 0 } })]).different).toBe(false);
  });

  it('form fields are compared one by one', () => {
    const form = (body: string): Call => ({ url: 'https://oauth2.example.com/token', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(lines([form('grant_type=refresh_token&client_id=a')], [form('client_id=a&grant_type=client_credentials')])).toEqual(['grant_type: "refresh_token" → "client_credentials"']);
  });
});
