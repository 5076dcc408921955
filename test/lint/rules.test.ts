import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeEventStreamFrame } from '../../src/llm/eventstream.js';
import { RULES } from '../../src/lint/rules/index.js';
import { at, goVcr, lint } from './helpers.js';

const ok = goVcr([{}]);
// A chat completion compressed with zstd (`zstd -c`), as a server sends it for `Accept-Encoding: zstd`.
const ZSTD_BODY = 'KLUv/QRY3QMA0skcG4A1bQNYMZJJizSP3YbWdiNkME/XFxEVOJjREYkh+drm23X54HFAnJqJl+SbEqLbW7F17+WtpzmZz+2Y9jhiR+Mwo3oR2AOw0DxSsDNeLrqXp6YySzC9jNsTFqterpuNaam9QB8CIPblA5OWuj7obi/ySAEAZjbHRBktFQ==';
const vcrpyBinary = (base64: string, encoding: string) =>
  `interactions:\n- request:\n    body: '{"model":"gpt-4o-mini","messages":[]}'\n    headers:\n      Content-Type:\n      - application/json\n    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n  response:\n    body:\n      string: !!binary |\n        ${base64}\n    headers:\n      Content-Encoding:\n      - ${encoding}\n      Content-Type:\n      - application/json\n    status:\n      code: 200\n      message: OK\nversion: 1\n`;
const sse = (events: string[]) => events.map((e) => `data: ${e}\n\n`).join('');

describe('every rule', () => {
  it('has a kebab-case id, a severity, a category, a one-line description and a doc', async () => {
    const { readdirSync } = await import('node:fs');
    const docs = new Set(readdirSync(new URL('../../docs/rules/', import.meta.url)).map((f) => f.replace(/\.md$/, '')));
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warn']).toContain(rule.defaultSeverity);
      expect(rule.description).not.toMatch(/\n/);
      expect(docs.has(rule.id), `docs/rules/${rule.id}.md`).toBe(true);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('passes a well-formed cassette', () => {
    expect(lint(ok)).toEqual([]);
  });
});

// [rule, cassette, expected [line, column] of each finding, message pattern]
const REJECT: [string, string, [number, number][], RegExp][] = [
  ['unsupported-version', 'interactions:\n- request: {uri: "https://x.test/", method: GET}\n  response: {status: {code: 200}}\n', [[1, 1]], /missing `version`/],
  ['unsupported-version', 'version: 3\ninteractions:\n- request: {uri: "https://x.test/", method: GET}\n  response: {status: {code: 200}}\n', [[1, 10]], /unsupported version 3/],
  ['required-fields', goVcr([{}]).replace('    method: POST\n', ''), [[4, 3]], /missing `request.method`/],
  ['required-fields', goVcr([{ code: '"200"' }]), [[17, 11]], /`response.code` should be a number/],
  ['id-sequence', goVcr([{ id: '0' }, { id: '0' }]), [[19, 7]], /duplicate id 0/],
  ['id-sequence', goVcr([{ id: '1' }]), [[3, 7]], /id 1 is out of sequence \(expected 0\)/],
  ['status-text', goVcr([{ status: '404 Not Found' }]), [[16, 13]], /status "404 Not Found" does not match code 200/],
  ['status-text', goVcr([{ status: '200 Not Found' }]), [[16, 13]], /status text "Not Found" belongs to 404, not 200/],
  ['duration-format', goVcr([{ duration: '1.5 seconds' }]), [[18, 15]], /duration "1.5 seconds" cannot be parsed/],
  ['header-lists', goVcr([{ headers: '      Authorization: Bearer x\n' }]), [[9, 22]], /header Authorization should be a list/],
  ['header-lists', goVcr([{ headers: '      Accept:\n' }]), [[9, 14]], /header Accept should be a list of values, not null/],
  ['content-length', goVcr([{ requestExtra: '    content_length: 99\n' }]), [[11, 21]], /request content_length 99 but the body has 67 bytes/],
  ['invalid-request', goVcr([{ method: 'FETCH', url: 'not a url' }]), [[9, 10], [10, 13]], /invalid (URL|HTTP method)/],
  ['empty-cassette', 'version: 2\ninteractions: []\n', [[1, 1]], /no interactions/],
  ['json-body', goVcr([{ responseBody: '{"oops"' }]), [[12, 11]], /response body is not valid JSON/],
  ['body-encoding', vcrpyBinary(ZSTD_BODY, 'zstd'), [[10, 5]], /response body is zstd-compressed, which cassette cannot decode/],
  ['sse-json', goVcr([{ contentType: 'text/event-stream', responseBody: sse(['{"id":1,"choices":[]}', '{not json']) }]), [[12, 11]], /1 SSE event carries data that is not JSON/],
  // A stream no reassembler reads: every event judged by the rule itself (a blank one is no finding).
  ['sse-json', goVcr([{ url: 'https://example.com/events', contentType: 'text/event-stream', responseBody: sse(['{"a":1}', ' ', 'oops', '{"b":2}']) }]), [[12, 11]], /1 SSE event carries data that is not JSON, first: "oops"/],
  ['truncated-stream', goVcr([{ contentType: 'text/event-stream', responseBody: sse(['{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel"}}]}']) }]), [[12, 11]], /openai-chat stream is truncated/],
  ['stream-mismatch', goVcr([{ body: '{"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}' }]), [[12, 11]], /`stream: true` but the response is a single JSON body/],
  ['tool-arguments', goVcr([{ responseBody: JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":' } }] }, finish_reason: 'tool_calls' }] }) }]), [[12, 11]], /tool call f \(call_1\): arguments are not valid JSON/],
  ['tool-result-id', goVcr([{ body: '{"model":"m","messages":[{"role":"user","content":"hi"},{"role":"tool","tool_call_id":"call_9","content":"40 C"}]}' }]), [[5, 11]], /refers to "call_9", which no earlier message issued/],
  ['error-status', goVcr([{ status: '429 Too Many Requests', code: '429' }]), [[17, 11]], /recorded 429 Too Many Requests \(rate limited\)/],
  // Azure OpenAI ends a stream with `content_filter` when its output filter trips part-way.
  ['content-filter', goVcr([{ contentType: 'text/event-stream', responseBody: sse(['{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Here is how"},"finish_reason":null}]}', '{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"content_filter","content_filter_results":{"violence":{"filtered":true,"severity":"medium"}}}]}', '[DONE]']) }]), [[12, 11]], /openai-chat stream was stopped by a content filter \(finish reason content_filter\)/],
  ['content-filter', goVcr([{ url: 'https://api.openai.com/v1/responses', body: '{"model":"gpt-4.1","input":"hi"}', responseBody: '{"id":"resp_1","object":"response","status":"incomplete","incomplete_details":{"reason":"content_filter"},"model":"gpt-4.1","output":[{"type":"message","id":"m","role":"assistant","content":[{"type":"output_text","text":"Here is"}]}]}' }]), [[12, 11]], /openai-responses response was stopped by a content filter \(finish reason content_filter\)/],
  ['content-filter', goVcr([{ url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent', body: '{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}', responseBody: '{"candidates":[{"finishReason":"SAFETY","index":0}],"usageMetadata":{"promptTokenCount":3}}' }]), [[12, 11]], /gemini response was stopped by a content filter \(finish reason SAFETY\)/],
  ['duplicate-request', goVcr([{}, {}]), [[20, 3]], /same request as interaction 0/],
  ['secret-text', goVcr([{ headers: '      Authorization: [Bearer sk-proj-Q7vX2mN9pL4kR8tW1yZ5bC3dF6gH0jK2aS4dF6gH]\n      Authorization: [Bearer REDACTED]\n' }]), [[9, 30]], /openai-key sk-p…\(48 chars\) in the file, in no field cassette reads/],
];

const ACCEPT: [string, string][] = [
  ['unsupported-version', ok],
  ['id-sequence', goVcr([{}, {}, {}])],
  ['status-text', goVcr([{ status: '200 Everything Fine' }])],
  ['duration-format', goVcr([{ duration: '1m2.5s' }])],
  ['content-length', goVcr([{ requestExtra: '    content_length: 67\n', responseExtra: '    content_length: -1\n' }])],
  ['invalid-request', goVcr([{ url: 'https://bedrock-runtime.<AWS_REGION>.amazonaws.com/model/x/converse' }])],
  ['json-body', goVcr([{ contentType: 'text/plain', responseBody: 'not json' }])],
  ['body-encoding', vcrpyBinary(gzipSync('{"choices":[]}').toString('base64'), 'gzip')],
  ['sse-json', goVcr([{ contentType: 'text/event-stream', responseBody: sse(['{"a":1}', '[DONE]']) }])],
  ['tool-result-id', goVcr([{ body: '{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"call_9","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"call_9","content":"ok"}]}' }])],
  ['error-status', goVcr([{ status: '404 Not Found', code: '404' }])],
  ['content-filter', goVcr([{ contentType: 'text/event-stream', responseBody: sse(['{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop","content_filter_results":{"violence":{"filtered":false,"severity":"safe"}}}]}', '[DONE]']) }])],
  ['required-fields', goVcr([{}, {}])],
  ['header-lists', goVcr([{ headers: '      Authorization:\n      - Bearer x\n' }])],
  ['empty-cassette', ok],
  ['stream-mismatch', goVcr([{ body: '{"model":"m","stream":true,"messages":[]}', contentType: 'text/event-stream', responseBody: sse(['{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]}', '[DONE]']) }])],
  ['truncated-stream', goVcr([{ contentType: 'text/event-stream', responseBody: sse(['{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]}', '[DONE]']) }])],
  ['stream-error', ok],
  ['tool-arguments', goVcr([{ responseBody: JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] }, finish_reason: 'tool_calls' }] }) }])],
  ['duplicate-request', goVcr([{ body: '{"model":"m","messages":[{"role":"user","content":"one"}]}' }, { body: '{"model":"m","messages":[{"role":"user","content":"two"}]}' }])],
  ['secret-header', goVcr([{ headers: '      Authorization:\n      - Bearer REDACTED\n' }])],
  ['secret-url', goVcr([{ url: 'https://api.example.com/v1/x?key=REDACTED&alt=sse' }])],
  ['secret-body', ok],
  // A key in a field is secret-header's; secret-text reports only keys no field holds.
  ['secret-text', goVcr([{ headers: '      Authorization:\n      - Bearer sk-proj-Q7vX2mN9pL4kR8tW1yZ5bC3dF6gH0jK2aS4dF6gH\n' }])],
  ['file-size', ok],
  ['eventstream-crc', ok],
];

describe('rules reject, at the right line and column', () => {
  it.each(REJECT)('%s rejects case %#', (rule, text, positions, message) => {
    const findings = lint(text, rule);
    expect(at(findings)).toEqual(positions);
    for (const f of findings) expect(f.message).toMatch(message);
  });
});

describe('rules accept', () => {
  it('has an accept case for every rule', () => {
    expect(new Set(ACCEPT.map(([id]) => id))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it.each(ACCEPT)('%s accepts case %#', (rule, text) => {
    expect(lint(text, rule)).toEqual([]);
  });
});

describe('rules with options and binary bodies', () => {
  it('file-size takes a maxBytes option', () => {
    expect(lint(ok, 'file-size')).toEqual([]);
    // Sizes in the unit that says something: not "0.0 MiB, over the 0.0 MiB limit".
    expect(lint(ok, 'file-size', { maxBytes: 100 })[0]!.message).toMatch(/^file is \d+ B, over the 100 B limit$/);
  });

  it('eventstream-crc reports a frame whose CRC does not match', () => {
    const frame = Buffer.from(encodeEventStreamFrame({ ':event-type': 'messageStop', ':message-type': 'event' }, '{"stopReason":"end_turn"}'));
    frame[frame.length - 6] = frame[frame.length - 6]! ^ 0xff; // corrupt the payload; the message CRC no longer matches
    const text = `interactions:\n- request: {uri: "https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse-stream", method: POST, body: null, headers: {}}\n  response:\n    status: {code: 200, message: OK}\n    headers: {Content-Type: [application/vnd.amazon.eventstream]}\n    body: {string: !!binary "${frame.toString('base64')}"}\nversion: 1\n`;
    const findings = lint(text, 'eventstream-crc');
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/eventstream at byte 0: .*CRC/i)]);
    expect(at(findings)).toEqual([[6, 5]]);
    expect(lint(gzipSync(text), 'eventstream-crc')).toHaveLength(1);
  });
});
