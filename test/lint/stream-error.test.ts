import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../helpers/corpus.js';
import { at, goVcr, lint } from './helpers.js';

const sse = (events: string[]) => events.map((e) => `data: ${e}\n\n`).join('');
const chunk = (delta: object, extra: object = {}) => JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta }], ...extra });

// [cassette, expected [line, column] of each finding, message pattern]
const REJECT: [string, string | Uint8Array, [number, number][], RegExp[]][] = [
  ['an error chunk in a 200 chat stream', goVcr([{ contentType: 'text/event-stream', responseBody: sse([chunk({ content: 'Hel' }), JSON.stringify({ error: { message: 'Upstream error', code: 502 } })]) }]), [[12, 11]], [/^openai-chat error in the stream of an HTTP 200 response: 502: Upstream error$/]],
  ['an error object in a 200 JSON body', goVcr([{ responseBody: '{"error":{"type":"server_error","message":"boom"}}' }]), [[12, 11]], [/^openai-chat error in the body of an HTTP 200 response: server_error: boom$/]],
  [
    'every provider of samples/go-vcr-v2/mixed-errors-in-200.yaml',
    readFileSync(join(SAMPLES, 'go-vcr-v2/mixed-errors-in-200.yaml'), 'utf8'),
    [22, 48, 74, 100, 126, 152, 178].map((line) => [line, 13]),
    [/^anthropic .*overloaded_error: Overloaded$/, /^openai-responses .*server_error: The server had/, /^openai-responses .*rate_limit_exceeded: Rate limit reached\.$/, /^openai-chat .*502: Upstream error$/, /^ollama .*HTTP 200 response: an error was encountered/, /^gemini .*UNAVAILABLE: The model is overloaded/, /^openai-completions .*server_error: Something went wrong$/],
  ],
  ['a Bedrock exception frame', readFileSync(join(SAMPLES, 'vcrpy/bedrock-converse-stream-exception.yaml'), 'utf8'), [[11, 5]], [/^bedrock-converse error in the stream of an HTTP 200 response: throttlingException: Too many tokens/]],
];

const ACCEPT: [string, string][] = [
  ['a clean stream', goVcr([{ contentType: 'text/event-stream', responseBody: sse([chunk({ content: 'hi' }, { choices: [{ index: 0, delta: { content: 'hi' }, finish_reason: 'stop' }] }), '[DONE]']) }])],
  ['an HTTP error status (error-status covers it)', goVcr([{ status: '529 Overloaded', code: '529', responseBody: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' }])],
  ['a cut stream without an error (truncated-stream covers it)', goVcr([{ contentType: 'text/event-stream', responseBody: sse([chunk({ content: 'Hel' })]) }])],
];

describe('stream-error', () => {
  it.each(REJECT)('rejects %s', (_name, text, positions, messages) => {
    const findings = lint(text, 'stream-error');
    expect(at(findings)).toEqual(positions);
    expect(findings.map((f) => f.severity)).toEqual(positions.map(() => 'error'));
    findings.forEach((f, i) => expect(f.message).toMatch(messages[i]!));
  });

  it.each(ACCEPT)('accepts %s', (_name, text) => {
    expect(lint(text, 'stream-error')).toEqual([]);
  });

  it('a Bedrock exception frame is well-formed: no eventstream-crc finding', () => {
    const text = readFileSync(join(SAMPLES, 'vcrpy/bedrock-converse-stream-exception.yaml'), 'utf8');
    expect(lint(text).map((f) => f.ruleId)).toEqual(['stream-error']);
  });
});
