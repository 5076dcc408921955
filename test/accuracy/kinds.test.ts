import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costRows } from '../../src/cost/collect.js';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { loadCassette } from '../../src/load.js';
import { SAMPLES } from '../helpers/corpus.js';

// Each kind of fault from issue 14, on the project's own samples (they stay tested without ../shared).
const load = (name: string) => loadCassette(readFileSync(join(SAMPLES, name)), name);
const response = (name: string, index: number) => analyzeInteraction(load(name).interactions[index]!)!.response!;
const call = (id: string | undefined, name: string, args: unknown) => expect.objectContaining({ id, name, arguments: args });

// [sample, interaction, what the reassembled response must contain]
const RESPONSES: [string, number, Record<string, unknown>][] = [
  // 1. The terminal event still counts without a trailing blank line (SSE) or newline (NDJSON).
  ['go-vcr-v2/mixed-stream-eof-without-blank-line.yaml', 0, { text: 'Chat ends at EOF.', finishReason: 'stop', usage: expect.objectContaining({ inputTokens: 7, outputTokens: 5 }) }],
  ['go-vcr-v2/mixed-stream-eof-without-blank-line.yaml', 1, { text: 'Responses ends at EOF.', finishReason: 'completed', usage: expect.objectContaining({ inputTokens: 12 }) }],
  ['go-vcr-v2/mixed-stream-eof-without-blank-line.yaml', 2, { text: 'Anthropic ends at EOF.', finishReason: 'end_turn', usage: expect.objectContaining({ inputTokens: 6, outputTokens: 6 }) }],
  ['go-vcr-v2/mixed-stream-eof-without-blank-line.yaml', 3, { text: 'Completions end at EOF.', finishReason: 'stop' }],
  ['go-vcr-v2/mixed-stream-eof-without-blank-line.yaml', 4, { text: 'Ollama ends at EOF.', finishReason: 'stop' }],
  // 2. Tool-call identity: a new id is a new call, with or without `index`.
  ['go-vcr-v2/openai-chat-tool-call-identity.yaml', 0, { toolCalls: [call('call_p', 'get_weather', { city: 'Paris' }), call('call_r', 'get_weather', { city: 'Rome' })] }],
  ['go-vcr-v2/openai-chat-tool-call-identity.yaml', 1, { toolCalls: [call('call_a', 'search', { q: 'a' }), call('call_b', 'search', { q: 'b' })] }],
  // 3. Content-part arrays, streamed and not; 4. an empty `reasoning` does not hide `reasoning_content`.
  ['go-vcr-v2/mistral-content-parts.yaml', 0, { text: '42', reasoning: 'Six times seven is 42.' }],
  ['go-vcr-v2/mistral-content-parts.yaml', 1, { text: 'The answer is 42.', reasoning: 'Six times seven is 42.' }],
  ['go-vcr-v2/mistral-content-parts.yaml', 2, { text: '42', reasoning: 'Think first.' }],
  // 4-5. Responses items: custom tool calls (JSON and streamed after text), reasoning keyed by item, unknown items kept by type.
  ['go-vcr-v2/openai-responses-items.yaml', 0, { text: 'Running it.', toolCalls: [{ id: 'call_c1', name: 'run_python', arguments: 'print(2 + 2)', argumentsText: 'print(2 + 2)' }] }],
  ['go-vcr-v2/openai-responses-items.yaml', 1, { text: 'Running it.', toolCalls: [{ id: 'call_c1', name: 'run_python', arguments: 'print(2 + 2)', argumentsText: 'print(2 + 2)' }] }],
  ['go-vcr-v2/openai-responses-items.yaml', 2, { text: 'Done.', reasoning: 'First item, late words.\n\nsecond item.' }],
  ['go-vcr-v2/openai-responses-items.yaml', 3, { text: 'hello', toolCalls: [], otherOutputs: ['future_widget_call'] }],
  // 6. Errors inside a 200: the error, the partial text, usage from the same chunk, never `truncated`.
  ['go-vcr-v2/mixed-errors-in-200.yaml', 0, { text: 'The answer is', error: { type: 'overloaded_error', message: 'Overloaded' }, usage: expect.objectContaining({ inputTokens: 25 }) }],
  ['go-vcr-v2/mixed-errors-in-200.yaml', 1, { text: 'Partial', error: expect.objectContaining({ type: 'server_error' }) }],
  ['go-vcr-v2/mixed-errors-in-200.yaml', 2, { error: expect.objectContaining({ type: 'rate_limit_exceeded', message: 'Rate limit reached.' }), finishReason: 'failed' }],
  ['go-vcr-v2/mixed-errors-in-200.yaml', 3, { text: 'Hel', error: expect.objectContaining({ message: 'Upstream error', code: 502 }), usage: expect.objectContaining({ inputTokens: 40, outputTokens: 8 }) }],
  ['go-vcr-v2/mixed-errors-in-200.yaml', 4, { text: 'Par', error: { message: 'an error was encountered while running the model: unexpected EOF' } }],
  ['go-vcr-v2/mixed-errors-in-200.yaml', 5, { text: 'Par', error: expect.objectContaining({ type: 'UNAVAILABLE' }) }],
  ['go-vcr-v2/mixed-errors-in-200.yaml', 6, { text: 'Par', error: expect.objectContaining({ type: 'server_error', message: 'Something went wrong' }) }],
  ['vcrpy/bedrock-converse-stream-exception.yaml', 0, { text: 'Partial answer', error: { type: 'throttlingException', message: 'Too many tokens, please wait before trying again.' }, warnings: [expect.stringMatching(/^API error inside an HTTP 200 response stream: throttlingException/)] }],
  // 7-8. Usage in other places.
  ['go-vcr-v2/mixed-usage.yaml', 0, { usage: expect.objectContaining({ inputTokens: 100, outputTokens: 210, reasoningTokens: 200 }) }],
  ['go-vcr-v2/mixed-usage.yaml', 1, { usage: expect.objectContaining({ inputTokens: 30, outputTokens: 2 }) }],
  ['go-vcr-v2/mixed-usage.yaml', 2, { usage: expect.objectContaining({ inputTokens: 2 }) }],
  ['go-vcr-v2/mixed-usage.yaml', 3, { usage: expect.objectContaining({ inputTokens: 120, cacheReadTokens: 100, outputTokens: 3 }) }],
  // Vercel AI Gateway: reasoning is outside completion_tokens and total_tokens; its recorded cost counts it as output.
  ['go-vcr-v2/mixed-usage.yaml', 4, { usage: expect.objectContaining({ inputTokens: 109, outputTokens: 624, reasoningTokens: 256, cost: 0.00637625 }) }],
  ['go-vcr-v2/mixed-usage.yaml', 5, { reasoning: 'Short.', usage: expect.objectContaining({ inputTokens: 5, outputTokens: 40, reasoningTokens: 30 }) }],
];

describe('issue 14 kinds, reassembled from samples', () => {
  it.each(RESPONSES)('%s #%i', (name, index, expected) => {
    const r = response(name, index);
    expect(r).toMatchObject(expected);
    // None of these is cut: a stream that ends with its terminal event or with an error is not `truncated`.
    expect(r.truncated ?? false).toBe(false);
  });
});

// [interaction of samples/go-vcr-v2/mixed-prices.yaml, cost row fields] (hand-computed from the sources in docs/cost.md)
const PRICES: [number, Record<string, unknown>][] = [
  // 1000 input x $3 + 1000 5-minute writes x $3.75 + 2000 1-hour writes x $6 + 100 output x $15, per million
  [0, { estimate: expect.closeTo(0.02025, 9), pricedAs: 'anthropic/claude-sonnet-4-0' }],
  // Claude Sonnet 4 above 200k input: 300000 x $6 + 2000 x $22.50
  [1, { estimate: expect.closeTo(1.845, 9), pricedAs: 'anthropic/claude-sonnet-4-0 (>200k context)' }],
  // Gemini 2.5 Pro above 200k: 300000 x $2.50 + 2000 x $15
  [2, { estimate: expect.closeTo(0.78, 9) }],
  // llama.cpp / vLLM on this machine, whatever the model is called
  [3, { cost: 0, costSource: 'estimated', pricedAs: 'local (no API charge)' }],
  // Perplexity: the recorded total_cost, and an estimate with the medium-context request fee ($10/1000 for sonar-pro)
  [4, { cost: 0.0118, costSource: 'recorded', estimate: expect.closeTo(0.0118, 9) }],
  // Cohere Command R+ on Bedrock: $3 / $15 (Cohere's own API would be $2.50 / $10)
  [5, { estimate: expect.closeTo(0.018, 9), pricedAs: 'aws/cohere.command-r-plus-v1:0' }],
  // A redacted Bedrock region: the US regional rate, and a note saying so
  [6, { estimate: expect.closeTo(0.0198, 9), pricedAs: 'aws/regional.anthropic.claude-sonnet-4-5-20250929-v1:0', note: expect.stringMatching(/redacted: priced at the US/) }],
  // OpenRouter's dotted id resolves to the table's dashed one
  [7, { pricedAs: expect.stringMatching(/^x-ai\/grok-4-1-fast/) }],
  // `created` in milliseconds is 2025-09-15, not year 57548 (the Date header says 2 October)
  [8, { pricedAt: '2025-09-15T10:00:00.000Z' }],
];

describe('issue 14 prices, from samples/go-vcr-v2/mixed-prices.yaml', () => {
  const rows = costRows(load('go-vcr-v2/mixed-prices.yaml'), { prices: genaiPrices });
  it.each(PRICES)('#%i', (index, expected) => {
    expect(rows.find((r) => r.index === index)).toMatchObject(expected);
  });

  it('prices reasoning left out of completion_tokens as output (xAI, Vercel AI Gateway)', () => {
    const rows = costRows(load('go-vcr-v2/mixed-usage.yaml'), { prices: genaiPrices });
    expect(rows[0]).toMatchObject({ outputTokens: 210, reasoningTokens: 200 });
    // The list price of 109 in + 624 out on gpt-5 equals the gateway's recorded cost.
    expect(rows[4]).toMatchObject({ outputTokens: 624, cost: 0.00637625, costSource: 'recorded', estimate: expect.closeTo(0.00637625, 9) });
  });
});
