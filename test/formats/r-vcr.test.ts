import { describe, expect, it } from 'vitest';
import { getHeader } from '../../src/model/headers.js';
import { fieldLines, inputError, load, summary } from './vcr-helpers.js';

// Version 1: a status mapping with status_code/category/reason/message, recorded_with per interaction.
const v1 = `http_interactions:
- request:
    method: post
    uri: https://api.openai.com/v1/chat/completions
    body:
      encoding: ''
      string: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Capital of Peru?"}]}'
    headers:
      Authorization: Bearer <OPENAI_API_KEY>
      Content-Type: application/json
  response:
    status:
      status_code: '200'
      category: Success
      reason: OK
      message: 'Success: (200) OK'
    headers:
      content-type: application/json
    body:
      encoding: ''
      file: no
      string: '{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Lima."},"finish_reason":"stop"}]}'
  recorded_at: 2024-10-08 05:33:20 GMT
  recorded_with: vcr/1.2.2, webmockr/0.9.0
- request:
    method: get
    uri: https://example.com/cat.png
    body: {encoding: '', string: ''}
    headers: {}
  response:
    status: {status_code: '200', category: Success, reason: OK, message: 'Success: (200) OK'}
    headers: {content-type: image/png}
    body: {encoding: '', file: yes, string: fixtures/cat.png}
  recorded_at: 2024-10-08 05:33:21 GMT
  recorded_with: vcr/1.2.2, webmockr/0.9.0
`;

// Version 2: scalar header maps, an integer status, recorded_at without a zone, one top-level recorded_with.
const v2 = `http_interactions:
- request:
    method: POST
    uri: https://api.anthropic.com/v1/messages
    body:
      string: '{"model":"claude-haiku-4-5","max_tokens":256,"messages":[{"role":"user","content":"Say hi"}]}'
    headers:
      x-api-key: <ANTHROPIC_API_KEY>
  response:
    status: 529
    headers:
      content-type: application/json
    body:
      string: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'
  recorded_at: 2026-04-15 13:52:22
recorded_with: VCR-vcr/2.0.0
`;

describe('r-vcr adapter', () => {
  it.each([
    ['v1', v1, 1, 'vcr/1.2.2, webmockr/0.9.0', ['POST', 'https://api.openai.com/v1/chat/completions', 200, 'OK', '2024-10-08T05:33:20.000Z', undefined]],
    ['v2', v2, 2, 'VCR-vcr/2.0.0', ['POST', 'https://api.anthropic.com/v1/messages', 529, 'Site Overloaded', '2026-04-15T13:52:22.000Z', undefined]],
  ] as const)('%s: format, version, method, url, status, recordedAt', (_name, input, version, recordedWith, expected) => {
    const c = load(input);
    expect(c).toMatchObject({ format: 'r-vcr', version, recordedWith });
    expect(summary(c.interactions[0]!)).toEqual(expected);
  });

  it('v1: scalar headers and a JSON body', () => {
    const i = load(v1).interactions[0]!;
    expect(getHeader(i.request.headers, 'authorization')).toBe('Bearer <OPENAI_API_KEY>');
    expect(i.request.body.json).toMatchObject({ model: 'gpt-4o-mini' });
    expect(i.response!.body).toMatchObject({ storage: 'text', isJson: true, json: { choices: [{ message: { content: 'Lima.' } }] } });
  });

  it('v1: a body kept in a file beside the cassette is not read as text', () => {
    const c = load(v1);
    const i = c.interactions[1]!;
    expect(i.extra).toEqual({ responseBodyFile: 'fixtures/cat.png' });
    expect(c.warnings).toEqual([
      { message: 'response body is kept in a separate file (fixtures/cat.png), not in the cassette', interaction: 1, path: ['http_interactions', 1, 'response', 'body'] },
    ]);
    expect(i.response!.body).toMatchObject({ storage: 'file', text: '', size: 0 });
    expect(getHeader(i.response!.headers, 'content-type')).toBe('image/png');
  });

  it('v2: a zone-less recorded_at is UTC whatever the machine zone', () => {
    expect(load(v2).warnings).toEqual([]);
    expect(load(v2, 'rvcr').format).toBe('r-vcr');
    expect(load(v2).interactions[0]!.recordedAt).toBe('2026-04-15T13:52:22.000Z');
    expect(load(v2).interactions[0]!.response!.body.json).toMatchObject({ error: { type: 'overloaded_error' } });
  });

  it('locates each field', () => {
    const { docPath, lines } = fieldLines(load(v2), 0);
    expect(docPath).toEqual(['http_interactions', 0]);
    expect(lines).toEqual({ interaction: 2, 'request.method': 3, 'request.url': 4, 'request.headers': 7, 'request.body': 5, 'response.status': 10, 'response.headers': 11, 'response.body': 13 });
  });

  it('rejects a broken interaction, naming it', () => {
    expect(inputError(v2.replace('recorded_with: VCR-vcr/2.0.0', '- oops\nrecorded_with: VCR-vcr/2.0.0'))).toEqual({ interaction: 1, line: 16 });
  });
});
