import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { encodeEventStreamFrame } from '../../src/llm/eventstream.js';
import { bedrockConverse } from '../../src/providers/bedrock-converse.js';
import { concatBytes, EVENTSTREAM_HEADERS, eventFrames, exceptionFrame, exchange, JSON_HEADERS } from './b-helpers.js';

const STREAM_URL = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse-stream';
const URL = STREAM_URL.replace('/converse-stream', '/converse');

type Ev = [string, Record<string, unknown>];
const text = (i: number, t: string): Ev => ['contentBlockDelta', { contentBlockIndex: i, delta: { text: t } }];
const blockStop = (i: number): Ev => ['contentBlockStop', { contentBlockIndex: i }];
const stop = (stopReason: string): Ev => ['messageStop', { stopReason }];
const metadata = (usage: Record<string, unknown>): Ev => ['metadata', { usage, metrics: { latencyMs: 800 } }];
const START: Ev = ['messageStart', { role: 'assistant' }];

/** Change `from` to `to` inside the payload without fixing the CRC, as a damaged recording would. */
function tamper(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const copy = Buffer.from(bytes);
  copy.write(to, copy.indexOf(from));
  return Uint8Array.from(copy);
}

const streamed: { name: string; body: Uint8Array; expect: Record<string, unknown> }[] = [
  {
    name: 'text with usage; cache reads and writes added to the prompt size',
    body: eventFrames([START, text(0, 'Hel'), text(0, 'lo'), blockStop(0), stop('end_turn'), metadata({ inputTokens: 10, outputTokens: 5, totalTokens: 120, cacheReadInputTokens: 100, cacheWriteInputTokens: 5 })]),
    expect: { text: 'Hello', finishReason: 'end_turn', streamed: true, model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', warnings: [], usage: { inputTokens: 115, outputTokens: 5, totalTokens: 120, cacheReadTokens: 100, cacheWriteTokens: 5 } },
  },
  {
    name: 'a second toolUse start at the same contentBlockIndex is a new call (tool-call identity)',
    body: eventFrames([START, ['contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: 'tu_a', name: 'f' } } }], ['contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '{"n":1}' } } }], blockStop(0), ['contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: 'tu_b', name: 'f' } } }], ['contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '{"n":2}' } } }], blockStop(0), stop('tool_use')]),
    expect: { toolCalls: [expect.objectContaining({ id: 'tu_a', arguments: { n: 1 } }), expect.objectContaining({ id: 'tu_b', arguments: { n: 2 } })] },
  },
  {
    name: 'tool use assembled from input deltas',
    body: eventFrames([START, text(0, 'Checking.'), blockStop(0), ['contentBlockStart', { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tooluse_1', name: 'get_weather' } } }], ['contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '{"location": "San ' } } }], ['contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: 'Francisco"}' } } }], blockStop(1), stop('tool_use')]),
    expect: { text: 'Checking.', finishReason: 'tool_use', toolCalls: [{ id: 'tooluse_1', name: 'get_weather', arguments: { location: 'San Francisco' }, argumentsText: '{"location": "San Francisco"}', argumentsError: undefined }] },
  },
  {
    name: 'reasoning text, signature ignored, redacted reasoning counted, not shown',
    body: eventFrames([START, ['contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Think ' } } }], ['contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'hard.' } } }], ['contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'EqQB' } } }], blockStop(0), ['contentBlockDelta', { contentBlockIndex: 1, delta: { reasoningContent: { redactedContent: 'AAAA' } } }], text(2, '42'), stop('end_turn')]),
    expect: { reasoning: 'Think hard.', redactedThinkingBlocks: 1, text: '42' },
  },
  {
    name: 'an exception frame mid-stream is the error, with the partial text',
    body: concatBytes([eventFrames([START, text(0, 'Par')]), exceptionFrame('throttlingException', 'Too many tokens, please wait before trying again.')]),
    expect: { text: 'Par', error: { message: 'Too many tokens, please wait before trying again.', type: 'throttlingException' } },
  },
  {
    name: 'no messageStop means truncated',
    body: eventFrames([START, text(0, 'partial')]),
    expect: { text: 'partial', truncated: true, warnings: [expect.stringContaining('without messageStop')] },
  },
  {
    name: 'a CRC mismatch is a warning and the frame is still read',
    body: concatBytes([eventFrames([START]), tamper(eventFrames([text(0, 'ok')]), 'ok', 'OK'), eventFrames([stop('end_turn')])]),
    expect: { text: 'OK', finishReason: 'end_turn', warnings: [expect.stringMatching(/frame at offset \d+: message CRC32 does not match/)] },
  },
  {
    name: 'a payload that is not JSON is a warning',
    body: concatBytes([eventFrames([START]), encodeEventStreamFrame({ ':event-type': 'contentBlockDelta', ':message-type': 'event' }, 'not json'), eventFrames([text(0, 'a'), stop('end_turn')])]),
    expect: { text: 'a', warnings: [expect.stringMatching(/contentBlockDelta at offset \d+ is not a JSON object: not json/)] },
  },
];

describe('bedrock ConverseStream', () => {
  it.each(streamed)('$name', ({ body, expect: expected }) => {
    const result = analyzeInteraction(exchange({ url: STREAM_URL, request: { messages: [] }, response: body, headers: EVENTSTREAM_HEADERS }));
    expect(result?.provider).toBe('bedrock-converse');
    expect(result?.response).toMatchObject(expected);
  });

  it('reads frames a recorder stored as a latin-1 string', () => {
    const bytes = eventFrames([START, text(0, 'hi'), stop('end_turn')]);
    const result = analyzeInteraction(exchange({ url: STREAM_URL, response: Buffer.from(bytes).toString('latin1'), headers: [] }));
    expect(result?.response).toMatchObject({ text: 'hi', finishReason: 'end_turn', streamed: true });
  });

  it('reads frames even when the content type was redacted', () => {
    const result = analyzeInteraction(exchange({ url: STREAM_URL, response: eventFrames([START, text(0, 'x'), stop('end_turn')]), headers: [{ name: 'Content-Type', value: '**REDACTED**' }] }));
    expect(result?.response?.text).toBe('x');
  });
});

describe('bedrock Converse JSON', () => {
  it.each([
    {
      name: 'text, tool use and reasoning',
      body: { output: { message: { role: 'assistant', content: [{ reasoningContent: { reasoningText: { text: 'Need weather.', signature: 's' } } }, { text: 'Let me check.' }, { toolUse: { toolUseId: 'tooluse_2', name: 'weather', input: { city: 'Rome' } } }] } }, stopReason: 'tool_use', usage: { inputTokens: 400, outputTokens: 60, totalTokens: 460 }, metrics: { latencyMs: 1200 } },
      expect: { streamed: false, reasoning: 'Need weather.', text: 'Let me check.', finishReason: 'tool_use', toolCalls: [expect.objectContaining({ id: 'tooluse_2', name: 'weather', arguments: { city: 'Rome' } })], usage: { inputTokens: 400, outputTokens: 60, totalTokens: 460 } },
    },
    {
      name: 'citations content counts as text',
      body: { output: { message: { role: 'assistant', content: [{ citationsContent: { content: [{ text: 'Employees get 20 days.' }], citations: [] } }] } }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 2 } },
      expect: { text: 'Employees get 20 days.' },
    },
    {
      name: 'HTTP error typed by x-amzn-errortype',
      status: 400,
      headers: [...JSON_HEADERS, { name: 'x-amzn-ErrorType', value: 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/' }],
      body: { message: 'The provided model identifier is invalid.' },
      expect: { error: { message: 'The provided model identifier is invalid.', type: 'ValidationException' } },
    },
  ])('$name', ({ body, status, headers, expect: expected }) => {
    const result = analyzeInteraction(exchange({ url: URL, response: JSON.stringify(body), headers: headers ?? JSON_HEADERS, status }));
    expect(result?.provider).toBe('bedrock-converse');
    expect(result?.response).toMatchObject(expected);
  });
});

describe('bedrock Converse request side', () => {
  it.each([
    [URL, true],
    [STREAM_URL, true],
    ['https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-pro-v1%3A0/invoke', false],
    ['https://api.example.com/converse', false],
  ])('%s -> %s', (url, detected) => {
    expect(bedrockConverse.detect(exchange({ url }))).toBe(detected);
  });

  it('reads system, messages, tool use and results, and the tool config', () => {
    const req = bedrockConverse.parseRequest(exchange({
      url: STREAM_URL,
      request: {
        system: [{ text: 'Be brief.' }, { cachePoint: { type: 'default' } }],
        messages: [
          { role: 'user', content: [{ text: 'Weather?' }, { image: { format: 'png', source: { bytes: 'AAAA' } } }, { cachePoint: { type: 'default' } }] },
          { role: 'assistant', content: [{ reasoningContent: { reasoningText: { text: 'hm' } } }, { toolUse: { toolUseId: 't1', name: 'weather', input: { city: 'Rome' } } }] },
          { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ json: { temp: 20 } }], status: 'success' } }] },
        ],
        inferenceConfig: { maxTokens: 512, temperature: 0.2 },
        toolConfig: { tools: [{ toolSpec: { name: 'weather', description: 'Get weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } } } } } }], toolChoice: { auto: {} } },
        additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } },
      },
    }));
    expect(req).toMatchObject({ provider: 'bedrock-converse', model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', system: 'Be brief.', stream: true });
    expect(req.params).toEqual({ maxTokens: 512, temperature: 0.2, toolChoice: { auto: {} }, additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } } });
    expect(req.messages.map((m) => [m.role, m.text, m.toolCallId])).toEqual([['user', 'Weather?', undefined], ['assistant', '', undefined], ['tool', '{"temp":20}', 't1']]);
    expect(req.messages[0]?.parts?.[1]).toEqual({ type: 'image', summary: 'png image, 0 KB inline', inline: { mediaType: 'image/png', base64: 'AAAA' } });
    expect(req.messages[1]?.toolCalls?.[0]).toMatchObject({ id: 't1', name: 'weather', arguments: { city: 'Rome' } });
    expect(req.tools).toEqual([{ name: 'weather', description: 'Get weather', parameters: ['city'], schema: expect.anything() }]);
  });
});
