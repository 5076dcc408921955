import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { loadCassette } from '../../src/load.js';
import { SAMPLES } from '../helpers/corpus.js';

const load = (name: string) => loadCassette(readFileSync(join(SAMPLES, name)), name);

/** Every sample: the recorder format detected from its content, and its interaction count. */
const FORMATS: [string, string, number][] = [
  ['betamax/openai-embeddings.json', 'betamax', 2],
  ['go-vcr-v1/openai-chat-json.yaml', 'go-vcr-v1', 2],
  ['go-vcr-v2/openai-chat-parallel-tools.yaml', 'go-vcr-v2', 2],
  ['go-vcr-v2/anthropic-json-tools.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/gemini-error.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/cohere-json-tools-and-error.yaml', 'go-vcr-v2', 2],
  ['go-vcr-v2/bedrock-converse-tools-and-throttled.yaml', 'go-vcr-v2', 2],
  ['go-vcr-v2/bedrock-invoke-json-and-stream.yaml', 'go-vcr-v2', 2],
  ['go-vcr-v2/ollama-json-tools.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/openai-responses-stream-error.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/bedrock-converse-stream-reasoning.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/bedrock-invoke-denied.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/ollama-error.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/embeddings-error.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/openai-completions-stream.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/openrouter-chat-stream-tool-loop.yaml', 'go-vcr-v2', 2],
  ['go-vcr-v2/openai-chat-image-input.yaml', 'go-vcr-v2', 1],
  ['go-vcr-v2/mixed-stream-eof-without-blank-line.yaml', 'go-vcr-v2', 5],
  ['go-vcr-v2/openai-chat-tool-call-identity.yaml', 'go-vcr-v2', 2],
  ['go-vcr-v2/mistral-content-parts.yaml', 'go-vcr-v2', 3],
  ['go-vcr-v2/openai-responses-items.yaml', 'go-vcr-v2', 4],
  ['go-vcr-v2/mixed-errors-in-200.yaml', 'go-vcr-v2', 7],
  ['go-vcr-v2/mixed-usage.yaml', 'go-vcr-v2', 6],
  ['go-vcr-v2/mixed-prices.yaml', 'go-vcr-v2', 9],
  ['har/gemini-and-ollama.har', 'har', 2],
  ['httprr/openai-chat-stream.httprr', 'httprr', 2],
  ['httprr/ollama-chat-stream.httprr.gz', 'httprr', 1],
  ['nock/bedrock-converse-stream-binary.json', 'nock', 1],
  ['nock/empty.json', 'nock', 0],
  ['nock/openai-chat-stream-gzip-chunks.json', 'nock', 1],
  ['nock/openai-chat.json', 'nock', 2],
  ['polly/cohere-stream.har.yaml', 'polly', 2],
  ['polly/openai-responses-stream.har', 'polly', 1],
  ['r-vcr/anthropic-v2.yml', 'r-vcr', 2],
  ['r-vcr/openai-chat-v1.yml', 'r-vcr', 1],
  ['ruby-vcr/cohere-stream.json', 'ruby-vcr', 1],
  ['ruby-vcr/openai-chat-psych-binary.yml', 'ruby-vcr', 1],
  ['ruby-vcr/gemini-stream.yml', 'ruby-vcr', 2],
  ['vcrpy/anthropic-stream-tools.yaml', 'vcrpy', 2],
  ['vcrpy/bedrock-converse-split.yaml.gz', 'vcrpy', 2],
  ['vcrpy/bedrock-converse-stream-exception.yaml', 'vcrpy', 1],
  ['vcrpy/gemini-json-gzip.yaml', 'vcrpy', 1],
  ['vcrpy/openai-chat-parsed-body.yaml', 'vcrpy', 2],
  ['vcrpy/openai-responses-json.json', 'vcrpy', 1],
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(SAMPLES, path)];
  });
}

describe('samples: recorder formats', () => {
  it.each(FORMATS)('%s is %s with %i interactions', (name, format, count) => {
    const cassette = load(name);
    expect(cassette.format).toBe(format);
    expect(cassette.interactions).toHaveLength(count);
  });

  it('covers every sample file and every format', () => {
    const listed = new Set(FORMATS.map(([name]) => name));
    const missing = walk(SAMPLES).filter((n) => !listed.has(n) && !/^go-vcr-v\d\/(openai-chat|http-json)/.test(n));
    expect(missing).toEqual([]);
    expect(new Set(FORMATS.map(([, f]) => f.replace(/-v\d$/, '')))).toEqual(new Set(['betamax', 'go-vcr', 'har', 'httprr', 'nock', 'polly', 'r-vcr', 'ruby-vcr', 'vcrpy']));
  });

  it.each([
    // [sample, index, method, url, status, statusText]
    ['vcrpy/anthropic-stream-tools.yaml', 1, 'POST', 'https://api.anthropic.com/v1/messages', 529, 'Site Overloaded'],
    ['ruby-vcr/gemini-stream.yml', 0, 'POST', 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', 200, 'OK'],
    ['r-vcr/openai-chat-v1.yml', 0, 'POST', 'https://api.openai.com/v1/chat/completions', 200, 'OK'],
    ['nock/openai-chat.json', 1, 'POST', 'https://api.openai.com/v1/completions', 200, 'OK'],
    ['httprr/openai-chat-stream.httprr', 1, 'POST', 'https://openrouter.ai/api/v1/chat/completions', 200, 'OK'],
    ['polly/openai-responses-stream.har', 0, 'POST', 'https://api.openai.com/v1/responses', 200, 'OK'],
  ] as const)('%s #%i: %s %s → %i %s', (name, index, method, url, status, statusText) => {
    const i = load(name).interactions[index]!;
    expect(i.request.method).toBe(method);
    expect(i.request.url).toBe(url);
    expect(i.response?.status).toBe(status);
    expect(i.response?.statusText).toBe(statusText);
  });

  it.each([
    // [sample, index, body storage, decodedFrom, binary]
    ['vcrpy/gemini-json-gzip.yaml', 0, 'binary-tag', 'gzip', false],
    ['polly/openai-responses-stream.har', 0, 'chunks', 'gzip', false],
    ['nock/openai-chat-stream-gzip-chunks.json', 0, 'hex', 'gzip', false],
    ['nock/bedrock-converse-stream-binary.json', 0, 'hex', undefined, true],
    ['ruby-vcr/gemini-stream.yml', 1, 'base64', undefined, true],
    ['ruby-vcr/openai-chat-psych-binary.yml', 0, 'binary-tag', 'gzip', false],
    ['betamax/openai-embeddings.json', 0, 'base64', undefined, false],
    ['vcrpy/openai-chat-parsed-body.yaml', 0, 'parsed', undefined, false],
  ] as const)('%s #%i response body: %s, decoded from %s, binary %s', (name, index, storage, decodedFrom, binary) => {
    const body = load(name).interactions[index]!.response!.body;
    expect(body.storage).toBe(storage);
    expect(body.decodedFrom).toBe(decodedFrom);
    expect(body.binary).toBe(binary);
    if (!binary) expect(body.text?.length).toBeGreaterThan(0);
  });

  it.each([
    // [sample, index, field, line]
    ['vcrpy/anthropic-stream-tools.yaml', 1, 'request.url', 83],
    ['polly/openai-responses-stream.har', 0, 'response.status', 40],
    ['nock/openai-chat.json', 1, 'request.url', 54],
    ['ruby-vcr/cohere-stream.json', 0, 'response.status', 21],
  ] as const)('%s #%i: %s is on line %i', (name, index, field, line) => {
    const cassette = load(name);
    const path = cassette.interactions[index]!.fieldPaths[field]!;
    expect(cassette.locate(path)?.line).toBe(line);
  });

  it('keeps recording times', () => {
    expect(load('ruby-vcr/gemini-stream.yml').interactions[1]!.recordedAt).toBe('2025-10-20T10:00:01.000Z');
    expect(load('har/gemini-and-ollama.har').interactions[0]!.recordedAt).toBe('2025-10-20T10:00:00.000Z');
    expect(load('har/gemini-and-ollama.har').interactions[0]!.durationMs).toBe(2400);
    expect(load('r-vcr/openai-chat-v1.yml').recordedWith).toBe('vcr/1.2.2, webmockr/0.9.0');
  });
});

describe('samples: wire formats', () => {
  it.each([
    // [sample, index, provider, model, text, tool calls, finish reason, usage]
    ['vcrpy/anthropic-stream-tools.yaml', 0, 'anthropic', 'claude-sonnet-4-5-20250929', 'Checking Oslo.', 'get_weather{"city":"Oslo"}', 'tool_use', { inputTokens: 2460, outputTokens: 58, cacheReadTokens: 2048 }],
    ['polly/openai-responses-stream.har', 0, 'openai-responses', 'gpt-5-mini-2025-08-07', '', 'get_weather{"city":"Lima"}', 'completed', { inputTokens: 96, outputTokens: 84, reasoningTokens: 64 }],
    ['vcrpy/openai-responses-json.json', 0, 'openai-responses', 'gpt-4.1-mini-2025-04-14', '7', '', 'completed', { inputTokens: 1200, cacheReadTokens: 1024 }],
    ['ruby-vcr/gemini-stream.yml', 0, 'gemini', 'gemini-2.5-flash', '', 'get_weather{"city":"Nairobi"}', 'STOP', { inputTokens: 70, outputTokens: 37, reasoningTokens: 22 }],
    ['vcrpy/gemini-json-gzip.yaml', 0, 'gemini', 'gemini-2.5-pro', 'Cassette.', '', 'STOP', { inputTokens: 2100, outputTokens: 123, cacheReadTokens: 2048, reasoningTokens: 120 }],
    ['polly/cohere-stream.har.yaml', 0, 'cohere', undefined, 'Bonjour !', '', 'COMPLETE', { inputTokens: 6, outputTokens: 3 }],
    ['betamax/openai-embeddings.json', 1, 'openai-completions', 'gpt-3.5-turbo-instruct', ' blue', '', 'stop', { inputTokens: 7, outputTokens: 1 }],
    ['nock/bedrock-converse-stream-binary.json', 0, 'bedrock-converse', undefined, 'Hello there.', '', 'end_turn', { inputTokens: 9, outputTokens: 3 }],
    ['httprr/ollama-chat-stream.httprr.gz', 0, 'ollama', 'qwen3:4b', 'No, 9 = 3 × 3.', '', 'stop', { inputTokens: 14, outputTokens: 19 }],
    ['nock/openai-chat-stream-gzip-chunks.json', 0, 'openai-chat', 'gpt-4o-mini-2024-07-18', '1, 2, 3.', '', 'stop', { inputTokens: 11, outputTokens: 6 }],
    ['go-vcr-v2/anthropic-json-tools.yaml', 0, 'anthropic', 'claude-haiku-4-5-20251001', 'Let me check.', 'get_weather{"city":"Quito"}', 'tool_use', { inputTokens: 1520, outputTokens: 45, cacheWriteTokens: 1500 }],
    ['go-vcr-v2/cohere-json-tools-and-error.yaml', 0, 'cohere', undefined, '', 'get_weather{"city":"Accra"}', 'TOOL_CALL', { inputTokens: 12, outputTokens: 20 }],
    ['go-vcr-v2/bedrock-converse-tools-and-throttled.yaml', 0, 'bedrock-converse', undefined, 'Checking.', 'get_weather{"city":"Lagos"}', 'tool_use', { inputTokens: 380, outputTokens: 52 }],
    ['go-vcr-v2/bedrock-invoke-json-and-stream.yaml', 0, 'bedrock-invoke', 'claude-3-5-haiku-20241022', 'The Nile.', '', 'end_turn', { inputTokens: 11, outputTokens: 5 }],
    ['go-vcr-v2/bedrock-invoke-json-and-stream.yaml', 1, 'bedrock-invoke', 'claude-3-5-haiku-20241022', 'The Amazon.', '', 'end_turn', { inputTokens: 14, outputTokens: 6 }],
    ['go-vcr-v2/ollama-json-tools.yaml', 0, 'ollama', 'llama3.1', '', 'get_weather{"city":"Cairo"}', 'stop', { inputTokens: 150, outputTokens: 18 }],
    ['go-vcr-v2/bedrock-converse-stream-reasoning.yaml', 0, 'bedrock-converse', undefined, '4', '', 'end_turn', { inputTokens: 40, outputTokens: 30 }],
    ['go-vcr-v2/openai-completions-stream.yaml', 0, 'openai-completions', 'gpt-3.5-turbo-instruct', '\n\nThis is a test', '', 'stop', {}],
  ] as const)('%s #%i → %s', (name, index, provider, model, text, calls, finish, usage) => {
    const exchange = analyzeInteraction(load(name).interactions[index]!)!;
    expect(exchange.provider).toBe(provider);
    const r = exchange.response!;
    if (model) expect(r.model).toBe(model);
    expect(r.text).toBe(text);
    expect(r.toolCalls.map((c) => `${c.name}${JSON.stringify(c.arguments)}`).join(',')).toBe(calls);
    expect(r.finishReason).toBe(finish);
    expect(r.usage).toMatchObject(usage);
    expect(r.warnings).toEqual([]);
  });

  it('reads reasoning: Anthropic thinking, Responses summaries, Gemini thoughts, Ollama thinking', () => {
    expect(analyzeInteraction(load('vcrpy/anthropic-stream-tools.yaml').interactions[0]!)!.response!.reasoning).toBe('The user wants Oslo weather; call the tool.');
    expect(analyzeInteraction(load('polly/openai-responses-stream.har').interactions[0]!)!.response!.reasoning).toBe('**Calling the weather tool** for Lima.');
    expect(analyzeInteraction(load('ruby-vcr/gemini-stream.yml').interactions[0]!)!.response!.reasoning).toBe('Need the tool for Nairobi.');
    expect(analyzeInteraction(load('har/gemini-and-ollama.har').interactions[1]!)!.response!.reasoning).toBe('9 = 3 × 3.');
    expect(analyzeInteraction(load('go-vcr-v2/bedrock-converse-stream-reasoning.yaml').interactions[0]!)!.response!.reasoning).toBe('Two plus two is four.');
    expect(analyzeInteraction(load('go-vcr-v2/cohere-json-tools-and-error.yaml').interactions[0]!)!.response!.reasoning).toBe('I will look up the weather in Accra.');
  });

  it('reads the request side: system, messages, tools', () => {
    const gemini = analyzeInteraction(load('ruby-vcr/gemini-stream.yml').interactions[0]!)!.request;
    expect(gemini).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash', system: 'Be brief.', stream: true });
    expect(gemini.messages.map((m) => [m.role, m.text])).toEqual([['user', 'Weather in Nairobi?']]);
    expect(gemini.tools.map((t) => [t.name, t.parameters])).toEqual([['get_weather', ['city']]]);
    const responses = analyzeInteraction(load('polly/openai-responses-stream.har').interactions[0]!)!.request;
    expect(responses).toMatchObject({ model: 'gpt-5-mini', system: 'Use tools when useful.' });
    expect(responses.messages.map((m) => m.text)).toEqual(['Weather in Lima?']);
  });

  it('counts embeddings without keeping the vectors', () => {
    const r = analyzeInteraction(load('betamax/openai-embeddings.json').interactions[0]!)!;
    expect(r.provider).toBe('embeddings');
    expect(r.response!.embeddings).toEqual({ count: 2, dimensions: 4 });
    expect(r.request.messages.map((m) => m.text)).toEqual(['one fish', 'two fish']);
    expect(r.response!.usage).toMatchObject({ inputTokens: 4 });
  });

  it.each([
    // [sample, index, provider, error message]
    ['go-vcr-v2/gemini-error.yaml', 0, 'gemini', 'max_output_tokens must be positive.'],
    ['go-vcr-v2/cohere-json-tools-and-error.yaml', 1, 'cohere', 'invalid api token'],
    ['go-vcr-v2/bedrock-converse-tools-and-throttled.yaml', 1, 'bedrock-converse', 'Too many requests, please wait before trying again.'],
    ['go-vcr-v1/openai-chat-json.yaml', 1, 'openai-chat', 'Invalid API Key'],
    ['vcrpy/anthropic-stream-tools.yaml', 1, 'anthropic', 'Overloaded'],
    ['go-vcr-v2/bedrock-invoke-denied.yaml', 0, 'bedrock-invoke', "You don't have access to the model with the specified model ID."],
    ['go-vcr-v2/ollama-error.yaml', 0, 'ollama', "model 'llama9' not found"],
    ['go-vcr-v2/embeddings-error.yaml', 0, 'embeddings', 'Input cannot contain empty strings or empty lists.'],
    ['go-vcr-v2/openai-responses-stream-error.yaml', 0, 'openai-responses', 'The server had an error while processing your request.'],
  ] as const)('%s #%i: %s error', (name, index, provider, message) => {
    const exchange = analyzeInteraction(load(name).interactions[index]!)!;
    expect(exchange.provider).toBe(provider);
    expect(exchange.response!.error?.message).toBe(message);
  });

  it('keeps the partial text of a Responses stream that ends in an error event', () => {
    const r = analyzeInteraction(load('go-vcr-v2/openai-responses-stream-error.yaml').interactions[0]!)!.response!;
    expect(r).toMatchObject({ text: 'Roses', error: { message: 'The server had an error while processing your request.' } });
    expect(r.finishReason).toBeUndefined();
  });

  it('reports API errors and truncated streams with the partial result', () => {
    const overloaded = analyzeInteraction(load('vcrpy/anthropic-stream-tools.yaml').interactions[1]!)!.response!;
    expect(overloaded.error).toMatchObject({ message: 'Overloaded' });
    const cut = analyzeInteraction(load('httprr/openai-chat-stream.httprr').interactions[1]!)!.response!;
    expect(cut.text).toBe('Magnetic ribbon');
    expect(cut.error?.message).toBe('Upstream provider disconnected');
    // An error explains the early end: it is reported as the error, the same way for every provider, not as truncation.
    expect(cut.truncated).toBeFalsy();
    expect(cut.warnings.join(' ')).toMatch(/API error inside an HTTP 200 response stream: Upstream provider disconnected/);
  });
});
