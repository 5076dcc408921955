import { describe, expect, it } from 'vitest';
import { getHeader, getHeaders } from '../../src/model/headers.js';
import { fieldLines, inputError, load, summary } from './vcr-helpers.js';

// Psych writes binary strings with a single `!`: here a gzip Anthropic message.
const yaml = `---
http_interactions:
- request:
    method: post
    uri: https://api.anthropic.com/v1/messages
    body:
      encoding: UTF-8
      string: '{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hello in French."}]}'
    headers:
      X-Api-Key:
      - "<ANTHROPIC_API_KEY>"
      Content-Type:
      - application/json
  response:
    status:
      code: 200
      message: OK
    headers:
      Content-Type:
      - application/json
      Content-Encoding:
      - gzip
      Set-Cookie:
      - a=1
      - b=2
    body:
      encoding: ASCII-8BIT
      string: !binary |-
        H4sIAAAAAAAAA02NwQrCQAxEf0XnnIIF9bBHf0NkWbqhVNukbLKglP67tCB4
        GubBm1kwZARM1sdTC4J/Zt46m6WeQSg6biCZDeZJHIRJM48I6MZUMzemIuzN
        ubmA0Kk4iyPcl9+W83uz9gi4qTy1lsMR64NgrnMsnEwFASw5ei0CQt3vw4JB
        5urR9cViCG1L0Or/6LquX/rcZAjFAAAA
  recorded_at: Wed, 20 Aug 2025 09:15:02 GMT
- request:
    method: get
    uri: https://api.openai.com/v1/models/gpt-4o-mini
    body:
      encoding: US-ASCII
      string: ''
    headers: {}
  response:
    status:
      code: 404
      message: Not Found
    headers:
      Content-Type:
      - application/json
    body:
      encoding: UTF-8
      base64_string: |
        eyJlcnJvciI6eyJtZXNzYWdlIjoiVGhlIG1vZGVsIGRvZXMgbm90IGV4aXN0In19
  recorded_at: Wed, 20 Aug 2025 09:15:03 GMT
recorded_with: VCR 6.3.1
`;

// VCR's JSON serializer: the same layout.
const json = JSON.stringify({
  http_interactions: [
    {
      request: {
        method: 'post',
        uri: 'https://api.openai.com/v1/chat/completions',
        body: { encoding: 'UTF-8', string: '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Hi"}]}' },
        headers: { Authorization: ['Bearer <OPENAI_API_KEY>'] },
      },
      response: {
        status: { code: 200, message: '' },
        headers: { 'Content-Type': ['text/event-stream; charset=utf-8'] },
        body: { encoding: 'UTF-8', string: 'data: {"choices":[{"delta":{"content":"Hello"}}]}\n\ndata: [DONE]\n\n' },
      },
      recorded_at: 'Thu, 21 Aug 2025 12:00:00 GMT',
    },
  ],
  recorded_with: 'VCR 6.2.0',
});

describe('ruby-vcr adapter', () => {
  it.each([
    ['YAML', yaml, 'yaml', 'VCR 6.3.1', ['POST', 'https://api.anthropic.com/v1/messages', 200, 'OK', '2025-08-20T09:15:02.000Z', undefined]],
    ['JSON', json, 'json', 'VCR 6.2.0', ['POST', 'https://api.openai.com/v1/chat/completions', 200, 'OK', '2025-08-21T12:00:00.000Z', undefined]],
  ] as const)('%s: format, recorded_with, method, url, status, recordedAt', (_name, input, kind, recordedWith, expected) => {
    const c = load(input);
    expect(c).toMatchObject({ format: 'ruby-vcr', sourceKind: kind, recordedWith, warnings: [] });
    expect(summary(c.interactions[0]!)).toEqual(expected);
  });

  it('decodes a Psych !binary gzip body', () => {
    const i = load(yaml).interactions[0]!;
    expect(getHeader(i.request.headers, 'x-api-key')).toBe('<ANTHROPIC_API_KEY>');
    expect(i.request.body.json).toMatchObject({ model: 'claude-sonnet-4-5' });
    expect(getHeaders(i.response!.headers, 'set-cookie')).toEqual(['a=1', 'b=2']);
    expect(i.response!.body).toMatchObject({ storage: 'binary-tag', decodedFrom: 'gzip', isJson: true, binary: false });
    expect(i.response!.body.json).toMatchObject({ content: [{ text: 'Bonjour !' }], usage: { output_tokens: 6 } });
  });

  it('decodes base64_string and an empty request body', () => {
    const i = load(yaml).interactions[1]!;
    expect(i.request).toMatchObject({ method: 'GET', body: { storage: 'empty', size: 0 } });
    expect(i.response).toMatchObject({ status: 404, statusText: 'Not Found', body: { storage: 'base64', isJson: true } });
    expect(i.response!.body.json).toEqual({ error: { message: 'The model does not exist' } });
  });

  it('keeps a stream body as text and fills in a missing reason phrase', () => {
    const i = load(json).interactions[0]!;
    expect(i.response!.statusText).toBe('OK');
    expect(i.response!.body).toMatchObject({ storage: 'text', isJson: false });
    expect(i.response!.body.text).toContain('data: [DONE]');
  });

  it('locates each field', () => {
    const { docPath, lines } = fieldLines(load(yaml), 1);
    expect(docPath).toEqual(['http_interactions', 1]);
    expect(lines).toEqual({ interaction: 34, 'request.method': 35, 'request.url': 36, 'request.headers': 40, 'request.body': 37, 'response.status': 42, 'response.headers': 45, 'response.body': 48 });
  });

  it('warns about an interaction without a response', () => {
    const c = load('http_interactions:\n- request: {method: get, uri: "https://a.example/", body: {encoding: UTF-8, string: ""}, headers: {}}\n  recorded_at: Wed, 20 Aug 2025 09:15:02 GMT\nrecorded_with: VCR 6.3.1\n');
    expect(c.interactions[0]!.response).toBeUndefined();
    expect(c.warnings).toEqual([{ message: 'no response recorded', interaction: 0, path: ['http_interactions', 0] }]);
  });

  it.each([
    ['a forced document that is null', 'null\n', undefined, 1],
    ['a list that is not a list', 'http_interactions: {}\nrecorded_with: VCR 6.3.1\n', undefined, 1],
    ['an interaction that is not a mapping', 'http_interactions:\n- 42\nrecorded_with: VCR 6.3.1\n', 0, 2],
    ['an interaction without a request', 'http_interactions:\n- recorded_at: Wed, 20 Aug 2025 09:15:02 GMT\n  response: {status: {code: 200, message: OK}, headers: {}, body: {encoding: UTF-8, string: ""}}\nrecorded_with: VCR 6.3.1\n', 0, 2],
  ])('rejects %s', (_name, text, interaction, line) => {
    expect(inputError(text, 'ruby-vcr')).toEqual({ interaction, line });
  });
});
