import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { bedrockInvoke } from '../../src/providers/bedrock-invoke.js';
import { chunkFrames, concatBytes, EVENTSTREAM_HEADERS, eventFrames, exceptionFrame, exchange, JSON_HEADERS } from './b-helpers.js';

const base = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/';
const streamUrl = (model: string) => `${base}${encodeURIComponent(model)}/invoke-with-response-stream`;
const invokeUrl = (model: string) => `${base}${encodeURIComponent(model)}/invoke`;
const metrics = (input: number, output: number) => ({ 'amazon-bedrock-invocationMetrics': { inputTokenCount: input, outputTokenCount: output, invocationLatency: 300, firstByteLatency: 100 } });

const CLAUDE = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const anthropicEvents = [
  { type: 'message_start', message: { id: 'msg_bdrk_1', model: 'claude-haiku-4-5-20251001', role: 'assistant', content: [], usage: { input_tokens: 16, cache_read_input_tokens: 4, cache_creation_input_tokens: 0, output_tokens: 1 } } },
  { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_bdrk_1', name: 'weather', input: {} } },
  { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"location": "Flo' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: 'rence"}' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 54 } },
];

const streamed: { name: string; model: string; body: Uint8Array; expect: Record<string, unknown> }[] = [
  {
    name: 'Anthropic events reuse the Messages accumulator',
    model: CLAUDE,
    body: chunkFrames([...anthropicEvents, { type: 'message_stop', ...metrics(20, 54) }]),
    expect: { provider: 'bedrock-invoke', streamed: true, id: 'msg_bdrk_1', model: 'claude-haiku-4-5-20251001', finishReason: 'tool_use', toolCalls: [expect.objectContaining({ id: 'toolu_bdrk_1', name: 'weather', arguments: { location: 'Florence' } })], usage: { inputTokens: 20, outputTokens: 54, cacheReadTokens: 4, cacheWriteTokens: 0 }, warnings: [] },
  },
  {
    name: 'Anthropic events without message_stop are truncated',
    model: CLAUDE,
    body: chunkFrames(anthropicEvents.slice(0, 3)),
    expect: { truncated: true, warnings: expect.arrayContaining([expect.stringContaining('without message_stop'), expect.stringContaining('tool call weather: arguments are not valid JSON')]) },
  },
  {
    name: 'Amazon Nova: Converse events wrapped in their names',
    model: 'amazon.nova-pro-v1:0',
    body: chunkFrames([{ messageStart: { role: 'assistant' } }, { contentBlockDelta: { delta: { text: 'Certainly' }, contentBlockIndex: 0 } }, { contentBlockStop: { contentBlockIndex: 0 } }, { contentBlockDelta: { delta: { text: '! Yes' }, contentBlockIndex: 1 } }, { messageStop: { stopReason: 'max_tokens' } }, { metadata: { usage: { inputTokens: 5, outputTokens: 10, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 } }, ...metrics(5, 10) }]),
    expect: { text: 'Certainly! Yes', finishReason: 'max_tokens', usage: { inputTokens: 5, outputTokens: 10 }, model: 'amazon.nova-pro-v1:0' },
  },
  {
    name: 'Amazon Titan: outputText chunks and invocation metrics',
    model: 'amazon.titan-text-express-v1',
    body: chunkFrames([{ outputText: '\nThe four', index: 0, totalOutputTextTokenCount: 3, completionReason: null, inputTextTokenCount: 8 }, { outputText: ' directions.', index: 0, totalOutputTextTokenCount: 17, completionReason: 'FINISH', ...metrics(8, 17) }]),
    expect: { text: '\nThe four directions.', finishReason: 'FINISH', usage: { inputTokens: 8, outputTokens: 17 } },
  },
  {
    name: 'Cohere Command R: text-generation events; stream-end does not repeat the text',
    model: 'cohere.command-r-v1:0',
    body: chunkFrames([{ is_finished: false, event_type: 'text-generation', text: 'This' }, { is_finished: false, event_type: 'text-generation', text: ' is a test.' }, { is_finished: true, event_type: 'stream-end', response: { text: 'This is a test.', finish_reason: 'COMPLETE', meta: { billed_units: { input_tokens: 5, output_tokens: 6 } } }, finish_reason: 'COMPLETE', ...metrics(5, 6) }]),
    expect: { text: 'This is a test.', finishReason: 'COMPLETE', usage: { inputTokens: 5, outputTokens: 6 } },
  },
  {
    name: 'Cohere Command: one chunk with generations',
    model: 'cohere.command-light-text-v14',
    body: chunkFrames([{ id: 'c1', generations: [{ id: 'g', text: ' Okay.', finish_reason: 'MAX_TOKENS' }], prompt: 'Say this is a test', ...metrics(5, 10) }]),
    expect: { text: ' Okay.', finishReason: 'MAX_TOKENS', id: 'c1', usage: { inputTokens: 5, outputTokens: 10 } },
  },
  {
    name: 'Mistral: outputs with a final stop_reason',
    model: 'mistral.mistral-small-2402-v1:0',
    body: chunkFrames([{ outputs: [{ text: ' I', stop_reason: null }] }, { outputs: [{ text: ' am fine', stop_reason: 'length' }], ...metrics(19, 20) }]),
    expect: { text: ' I am fine', finishReason: 'length', usage: { inputTokens: 19, outputTokens: 20 } },
  },
  {
    name: 'Meta Llama: generation chunks with counts',
    model: 'meta.llama3-8b-instruct-v1:0',
    body: chunkFrames([{ generation: 'Hi', prompt_token_count: 12, generation_token_count: 1, stop_reason: null }, { generation: ' there', prompt_token_count: null, generation_token_count: 2, stop_reason: 'stop', ...metrics(12, 2) }]),
    expect: { text: 'Hi there', finishReason: 'stop', usage: { inputTokens: 12, outputTokens: 2 } },
  },
  {
    name: 'Titan without a finish reason or metrics is truncated',
    model: 'amazon.titan-text-express-v1',
    body: chunkFrames([{ outputText: 'cut', index: 0, completionReason: null }]),
    expect: { text: 'cut', truncated: true },
  },
  {
    name: 'an exception frame is the error',
    model: CLAUDE,
    body: concatBytes([chunkFrames(anthropicEvents.slice(0, 2)), exceptionFrame('modelStreamErrorException', 'Model stream error')]),
    expect: { error: { message: 'Model stream error', type: 'modelStreamErrorException' } },
  },
  {
    name: 'chunk bytes that are not JSON are a warning',
    model: 'amazon.titan-text-express-v1',
    body: concatBytes([eventFrames([['chunk', { bytes: Buffer.from('oops').toString('base64') }]]), chunkFrames([{ outputText: 'ok', completionReason: 'FINISH' }])]),
    expect: { text: 'ok', warnings: [expect.stringContaining('decoded bytes are not a JSON object: oops')] },
  },
];

describe('bedrock InvokeModelWithResponseStream', () => {
  it.each(streamed)('$name', ({ model, body, expect: expected }) => {
    const result = analyzeInteraction(exchange({ url: streamUrl(model), request: {}, response: body, headers: EVENTSTREAM_HEADERS }));
    expect(result?.provider).toBe('bedrock-invoke');
    expect(result?.response).toMatchObject(expected);
  });
});

const json: { name: string; model: string; body: unknown; status?: number; headers?: { name: string; value: string }[]; expect: Record<string, unknown> }[] = [
  {
    name: 'Anthropic message',
    model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    body: { model: 'claude-sonnet-4-5-20250929', id: 'msg_bdrk_2', type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Sure.' }, { type: 'tool_use', id: 'toolu_bdrk_2', name: 'weather', input: { location: 'Rome' } }], stop_reason: 'tool_use', usage: { input_tokens: 577, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 53 } },
    expect: { streamed: false, text: 'Sure.', model: 'claude-sonnet-4-5-20250929', toolCalls: [expect.objectContaining({ arguments: { location: 'Rome' } })], usage: { inputTokens: 577, outputTokens: 53 } },
  },
  {
    name: 'Amazon Nova output message',
    model: 'us.amazon.nova-lite-v1:0',
    body: { output: { message: { content: [{ text: 'AI is...' }], role: 'assistant' } }, stopReason: 'end_turn', usage: { inputTokens: 1200, outputTokens: 80, totalTokens: 1280, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 } },
    expect: { text: 'AI is...', finishReason: 'end_turn', usage: { inputTokens: 1200, outputTokens: 80, totalTokens: 1280 } },
  },
  {
    name: 'Amazon Titan results',
    model: 'amazon.titan-text-express-v1',
    body: { inputTextTokenCount: 5, results: [{ tokenCount: 10, outputText: '\nHello!', completionReason: 'LENGTH' }] },
    expect: { text: '\nHello!', finishReason: 'LENGTH', usage: { inputTokens: 5, outputTokens: 10 } },
  },
  {
    name: 'Cohere Command generations, counts from the response headers',
    model: 'cohere.command-text-v14',
    headers: [...JSON_HEADERS, { name: 'x-amzn-bedrock-input-token-count', value: '7' }, { name: 'x-amzn-bedrock-output-token-count', value: '149' }],
    body: { generations: [{ finish_reason: 'COMPLETE', id: 'g1', text: ' North, south, east, west.' }], id: 'r1', prompt: 'What are the 4 cardinal directions?' },
    expect: { text: ' North, south, east, west.', finishReason: 'COMPLETE', usage: { inputTokens: 7, outputTokens: 149 } },
  },
  {
    name: 'Mistral Large chat choices with a tool call',
    model: 'mistral.mistral-large-2407-v1:0',
    body: { choices: [{ index: 0, message: { role: 'assistant', content: '', tool_calls: [{ id: 'abc123', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] }, stop_reason: 'tool_calls' }] },
    expect: { finishReason: 'tool_calls', toolCalls: [expect.objectContaining({ id: 'abc123', name: 'weather', arguments: { city: 'Paris' } })] },
  },
  {
    name: 'Legacy Claude text completion',
    model: 'anthropic.claude-v2',
    body: { completion: ' Hello!', stop_reason: 'stop_sequence' },
    expect: { text: ' Hello!', finishReason: 'stop_sequence' },
  },
  {
    name: 'HTTP error typed by x-amzn-errortype',
    model: 'us.amazon.nova-lite-v1:0',
    status: 403,
    headers: [...JSON_HEADERS, { name: 'X-Amzn-Errortype', value: 'AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/' }],
    body: { message: "You don't have access to the model with the specified model ID." },
    expect: { error: { message: "You don't have access to the model with the specified model ID.", type: 'AccessDeniedException' } },
  },
];

describe('bedrock InvokeModel JSON', () => {
  it.each(json)('$name', ({ model, body, status, headers, expect: expected }) => {
    const result = analyzeInteraction(exchange({ url: invokeUrl(model), response: JSON.stringify(body), headers: headers ?? JSON_HEADERS, status }));
    expect(result?.provider).toBe('bedrock-invoke');
    expect(result?.response).toMatchObject(expected);
  });
});

describe('bedrock InvokeModel request side', () => {
  it.each([
    [invokeUrl(CLAUDE), true],
    [streamUrl(CLAUDE), true],
    [invokeUrl('amazon.titan-embed-text-v2:0'), false],
    [invokeUrl('cohere.embed-english-v3'), false],
    [`${base}${encodeURIComponent(CLAUDE)}/converse`, false],
  ])('%s -> %s', (url, detected) => {
    expect(bedrockInvoke.detect(exchange({ url }))).toBe(detected);
  });

  it.each([
    {
      name: 'Anthropic body',
      model: CLAUDE,
      body: { anthropic_version: 'bedrock-2023-05-31', max_tokens: 4000, system: [{ type: 'text', text: 'Be helpful.' }], messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], tools: [{ name: 'weather', input_schema: { properties: { location: {} } } }] },
      expect: { model: CLAUDE, system: 'Be helpful.', params: { max_tokens: 4000 }, stream: true },
      messages: [['user', 'Hi']],
      tools: ['weather'],
    },
    {
      name: 'Amazon Nova body',
      model: 'amazon.nova-pro-v1:0',
      body: { schemaVersion: 'messages-v1', system: [{ text: 'Short answers.' }], messages: [{ role: 'user', content: [{ text: 'Say this is a test' }] }], inferenceConfig: { max_new_tokens: 10, temperature: 0.8 } },
      expect: { system: 'Short answers.', params: { max_new_tokens: 10, temperature: 0.8 } },
      messages: [['user', 'Say this is a test']],
      tools: [],
    },
    {
      name: 'Titan body',
      model: 'amazon.titan-text-express-v1',
      body: { inputText: 'What are the 4 cardinal directions?', textGenerationConfig: { maxTokenCount: 100, temperature: 0.5 } },
      expect: { params: { maxTokenCount: 100, temperature: 0.5 } },
      messages: [['user', 'What are the 4 cardinal directions?']],
      tools: [],
    },
    {
      name: 'Cohere Command R body',
      model: 'cohere.command-r-v1:0',
      body: { message: 'And now?', chat_history: [{ role: 'USER', message: 'Hi' }, { role: 'CHATBOT', message: 'Hello' }], preamble: 'Be terse.', max_tokens: 10, p: 0.99 },
      expect: { system: 'Be terse.', params: { max_tokens: 10, p: 0.99 } },
      messages: [['user', 'Hi'], ['assistant', 'Hello'], ['user', 'And now?']],
      tools: [],
    },
  ])('$name', ({ model, body, expect: expected, messages, tools }) => {
    const req = bedrockInvoke.parseRequest(exchange({ url: streamUrl(model), request: body }));
    expect(req).toMatchObject({ provider: 'bedrock-invoke', stream: true, ...expected });
    expect(req.messages.map((m) => [m.role, m.text])).toEqual(messages);
    expect(req.tools.map((t) => t.name)).toEqual(tools);
  });
});
