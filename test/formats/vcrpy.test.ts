import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getHeader } from '../../src/model/headers.js';
import { fieldLines, inputError, load } from './vcr-helpers.js';

// The default YAML serializer: a plain string request body and a gzip response kept as `!!binary`.
const yamlGzip = `interactions:
- request:
    body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Capital of Peru?"}]}'
    headers:
      authorization:
      - Bearer <OPENAI_API_KEY>
      content-type:
      - application/json
    method: POST
    uri: https://api.openai.com/v1/chat/completions
  response:
    body:
      string: !!binary |
        H4sIAAAAAAAAA0WOXQrCMBCE7zLPqaj0KWfwBiIS09WuJruhu4JQencp+PP6MfPNzOABEXlMnmsr3Q4BerlT9g/dZK2tkLMKAqoOVBBxa9712lUWRkAelTMZ4nEGy0AvxG1AJbN0I8QZkxZCRDJj8yS+dlScZF05cE0bLAFXFrbxPFEyFUSYa8NyCnh+PW3S2vzs+iAxxN1+9Xzv/fA+wNVT+ef6ZXkDJOkaiOkAAAA=
    headers:
      Content-Encoding:
      - gzip
      Content-Type:
      - application/json
    status:
      code: 200
      message: OK
version: 1
`;

// VCR.py's JSON serializer: the same layout, `body.string` holding the text.
const json = JSON.stringify({
  interactions: [
    {
      request: {
        body: '{"model":"claude-haiku-4-5","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}',
        headers: { 'x-api-key': ['<ANTHROPIC_API_KEY>'], 'content-type': ['application/json'] },
        method: 'POST',
        uri: 'https://api.anthropic.com/v1/messages',
      },
      response: {
        body: { string: '{"type":"message","role":"assistant","content":[{"type":"text","text":"Hello!"}],"usage":{"input_tokens":8,"output_tokens":3}}' },
        headers: { 'content-type': ['application/json'] },
        status: { code: 200, message: 'OK' },
      },
    },
  ],
  version: 1,
}, null, 2);

// pydantic-ai: `parsed_body` holds the JSON body already parsed into YAML.
const parsedBody = `interactions:
- request:
    headers:
      content-type:
      - application/json
    method: POST
    parsed_body:
      model: gpt-4o
      messages:
      - role: user
        content: What is the weather in Paris?
    uri: https://api.openai.com/v1/chat/completions
  response:
    headers:
      content-type:
      - application/json
    parsed_body:
      id: chatcmpl-9
      object: chat.completion
      model: gpt-4o-2024-08-06
      choices:
      - index: 0
        finish_reason: stop
        message:
          role: assistant
          content: Sunny.
    status:
      code: 200
      message: OK
version: 1
`;

// langchain: a gzip-compressed file with `requests:` and `responses:` paired by index.
const split = gzipSync(`requests:
- body: '{"messages":[{"role":"user","content":[{"text":"Two plus two?"}]}]}'
  headers:
    content-type:
    - application/json
  method: POST
  uri: https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1%3A0/converse
- body: null
  headers: {}
  method: GET
  uri: https://example.com/health
responses:
- body:
    string: '{"output":{"message":{"role":"assistant","content":[{"text":"Four."}]}},"stopReason":"end_turn"}'
  headers:
    content-type:
    - application/json
  status:
    code: 200
    message: OK
- body:
    string: ''
  headers: {}
  status:
    code: 503
    message: Service Unavailable
`);

describe('vcrpy adapter', () => {
  it.each([
    ['YAML, !!binary gzip body', yamlGzip, 'POST', 'https://api.openai.com/v1/chat/completions', 200, 'OK', 'yaml'],
    ['JSON serializer', json, 'POST', 'https://api.anthropic.com/v1/messages', 200, 'OK', 'json'],
    ['pydantic-ai parsed_body', parsedBody, 'POST', 'https://api.openai.com/v1/chat/completions', 200, 'OK', 'yaml'],
    ['langchain split .yaml.gz', split, 'POST', 'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1%3A0/converse', 200, 'OK', 'yaml'],
  ] as const)('%s: format, method, url, status', (_name, input, method, url, status, statusText, kind) => {
    const c = load(input);
    expect(c.format).toBe('vcrpy');
    expect(c.sourceKind).toBe(kind);
    expect(c.warnings).toEqual([]);
    const first = c.interactions[0]!;
    expect(first.request.method).toBe(method);
    expect(first.request.url).toBe(url);
    expect(first.response?.status).toBe(status);
    expect(first.response?.statusText).toBe(statusText);
    // VCR.py keeps neither times nor durations.
    expect(first.recordedAt).toBeUndefined();
    expect(first.durationMs).toBeUndefined();
  });

  it('decodes a gzip !!binary body and keeps the headers', () => {
    const i = load(yamlGzip).interactions[0]!;
    expect(getHeader(i.request.headers, 'Authorization')).toBe('Bearer <OPENAI_API_KEY>');
    expect(i.request.body).toMatchObject({ storage: 'text', isJson: true, json: { model: 'gpt-4o-mini' } });
    const body = i.response!.body;
    expect(body).toMatchObject({ storage: 'binary-tag', decodedFrom: 'gzip', isJson: true, binary: false });
    expect(body.json).toMatchObject({ choices: [{ message: { content: 'Lima.' } }], usage: { total_tokens: 14 } });
    expect(body.storedSize).toBeLessThan(body.size);
  });

  it('reads the JSON serializer with text bodies', () => {
    const i = load(json).interactions[0]!;
    expect(getHeader(i.request.headers, 'x-api-key')).toBe('<ANTHROPIC_API_KEY>');
    expect(i.response!.body.text).toContain('"Hello!"');
    expect(i.response!.body.json).toMatchObject({ usage: { output_tokens: 3 } });
  });

  it('reads parsed_body as JSON and points at it', () => {
    const c = load(parsedBody);
    const i = c.interactions[0]!;
    expect(i.request.body).toMatchObject({ storage: 'parsed', isJson: true, json: { model: 'gpt-4o' } });
    expect(JSON.parse(i.request.body.text!)).toEqual(i.request.body.json);
    expect(i.response!.body.json).toMatchObject({ choices: [{ message: { content: 'Sunny.' } }] });
    expect(i.fieldPaths['request.body']).toEqual(['interactions', 0, 'request', 'parsed_body']);
    expect(i.fieldPaths['response.body']).toEqual(['interactions', 0, 'response', 'parsed_body']);
    expect(c.locate(i.fieldPaths['request.body']!)?.line).toBe(7);
  });

  it('pairs langchain requests and responses by index', () => {
    const c = load(split);
    expect(c.gzipped).toBe(true);
    expect(c.interactions.map((i) => [i.request.method, i.response?.status, i.response?.body.storage])).toEqual([
      ['POST', 200, 'text'],
      ['GET', 503, 'empty'],
    ]);
    const second = c.interactions[1]!;
    expect(second.fieldPaths['request.url']).toEqual(['requests', 1, 'uri']);
    expect(second.fieldPaths['response.status']).toEqual(['responses', 1, 'status']);
    expect(c.locate(second.fieldPaths['request.url']!)?.line).toBe(11);
    expect(c.locate(second.fieldPaths['response.status']!)?.line).toBe(24);
  });

  it('warns when a split file has more requests than responses', () => {
    const c = load(gzipSync('requests:\n- {method: GET, uri: "https://a.example/", body: null, headers: {}}\n- {method: GET, uri: "https://b.example/", body: null, headers: {}}\nresponses: []\n'));
    expect(c.interactions.map((i) => i.response)).toEqual([undefined, undefined]);
    expect(c.warnings[0]?.message).toMatch(/2 requests but 0 responses/);
  });

  it('warns about a request without a uri and a response without a status code', () => {
    const c = load('interactions:\n- request: {method: GET, headers: {}, body: null}\n  response: {status: {message: OK}, headers: {}, body: {string: ""}}\nversion: 1\n', 'vcrpy');
    expect(c.warnings).toEqual([
      { message: 'request has no uri', interaction: 0, path: ['interactions', 0, 'request'] },
      { message: 'response has no status code', interaction: 0, path: ['interactions', 0, 'response', 'status'] },
    ]);
    expect(c.interactions[0]!.response).toMatchObject({ status: 0, statusText: '' });
  });

  it('locates each field of a YAML interaction', () => {
    const { docPath, lines } = fieldLines(load(yamlGzip), 0);
    expect(docPath).toEqual(['interactions', 0]);
    expect(lines).toEqual({ interaction: 2, 'request.method': 9, 'request.url': 10, 'request.headers': 4, 'request.body': 3, 'response.status': 20, 'response.headers': 15, 'response.body': 12 });
  });

  it.each(['vcrpy', 'vcr.py', 'pytest-recording'])('reads an empty cassette when forced with --format %s (alone it is go-vcr v1 just as well)', (id) => {
    expect(load('interactions: []\nversion: 1\n', id)).toMatchObject({ format: 'vcrpy', interactions: [] });
  });

  it('is detected by a later interaction when the first is broken', () => {
    expect(inputError('interactions:\n- just text\n- request: {method: GET, uri: "https://a.example/", body: null, headers: {}}\n  response: {status: {code: 200, message: OK}, headers: {}, body: {string: ""}}\nversion: 1\n')).toEqual({ interaction: 0, line: 2 });
  });

  it.each([
    ['an interaction that is not a mapping', 'interactions:\n- request: {method: GET, uri: "https://a.example/", body: null, headers: {}}\n  response: {status: {code: 200, message: OK}, headers: {}, body: {string: ""}}\n- just text\nversion: 1\n', 1, 4],
    ['a forced document that is a list', '[1, 2]\n', undefined, 1],
    ['an interaction without a request', 'interactions:\n- response: {status: {code: 200, message: OK}, headers: {}, body: {string: ""}}\nversion: 1\n', 0, 2],
  ])('rejects %s, naming the interaction', (_name, text, interaction, line) => {
    expect(inputError(text, 'vcrpy')).toEqual({ interaction, line });
  });
});
