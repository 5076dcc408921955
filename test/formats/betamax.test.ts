import { describe, expect, it } from 'vitest';
import { getHeader } from '../../src/model/headers.js';
import { fieldLines, inputError, load, summary } from './vcr-helpers.js';

// Betamax keeps a gzip body as base64_string of the compressed bytes, and recorded_at without a zone.
const cassette = JSON.stringify(
  {
    http_interactions: [
      {
        recorded_at: '2025-10-20T10:00:00',
        request: {
          body: { encoding: 'utf-8', string: '{"model":"claude-haiku-4-5","max_tokens":64,"messages":[{"role":"user","content":"Hi"}]}' },
          headers: { 'x-api-key': ['<ANTHROPIC_API_KEY>'], 'Content-Type': ['application/json'] },
          method: 'POST',
          uri: 'https://api.anthropic.com/v1/messages',
        },
        response: {
          body: {
            encoding: null,
            base64_string: 'H4sIAAAAAAAAA02NUQrCMBBEryLznYpI/XBP4B1EQmiWNrTdlOwGlNK7SwuCX8M8eDMrUgRh1t5frnCwz8J7Z9XQMxxKnnYQVJNaEIPDnCNPIHRTqJGbIaSxNm1zg0OXxVgM9Fx/U8bvXTqC8EgnG7jwGdvLQS0vvnDQLCCwRG+1CBzq8U4rkizVvOWRRUF3h1ztn7Tb9gVxSD3fwwAAAA==',
          },
          headers: { 'Content-Encoding': ['gzip'], 'Content-Type': ['application/json'] },
          status: { code: 200, message: 'OK' },
          url: 'https://api.anthropic.com/v1/messages',
        },
      },
      {
        recorded_at: '2025-10-20T10:00:01',
        request: { body: { encoding: 'utf-8', string: '' }, headers: {}, method: 'GET', uri: 'https://api.openai.com/v1/models' },
        response: {
          body: { encoding: 'utf-8', string: '{"error":{"message":"Incorrect API key provided"}}' },
          headers: { 'Content-Type': ['application/json'] },
          status: { code: 401, message: 'Unauthorized' },
          url: 'https://api.openai.com/v1/models',
        },
      },
    ],
    recorded_with: 'betamax/0.9.0',
  },
  null,
  2,
);

describe('betamax adapter', () => {
  it('detects Betamax by recorded_with and reads every interaction', () => {
    const c = load(cassette);
    expect(c).toMatchObject({ format: 'betamax', recordedWith: 'betamax/0.9.0', sourceKind: 'json', warnings: [] });
    expect(c.interactions.map(summary)).toEqual([
      ['POST', 'https://api.anthropic.com/v1/messages', 200, 'OK', '2025-10-20T10:00:00.000Z', undefined],
      ['GET', 'https://api.openai.com/v1/models', 401, 'Unauthorized', '2025-10-20T10:00:01.000Z', undefined],
    ]);
  });

  it('decodes a base64 gzip body', () => {
    const i = load(cassette).interactions[0]!;
    expect(getHeader(i.request.headers, 'x-api-key')).toBe('<ANTHROPIC_API_KEY>');
    expect(i.request.body.json).toMatchObject({ model: 'claude-haiku-4-5' });
    expect(i.response!.body).toMatchObject({ storage: 'base64', decodedFrom: 'gzip', isJson: true, binary: false });
    expect(i.response!.body.json).toMatchObject({ content: [{ text: 'Hi there.' }], usage: { input_tokens: 9, output_tokens: 4 } });
  });

  it('reads a plain string body and an empty request body', () => {
    const i = load(cassette).interactions[1]!;
    expect(i.request.body).toMatchObject({ storage: 'empty', size: 0 });
    expect(i.response!.body).toMatchObject({ storage: 'text', json: { error: { message: 'Incorrect API key provided' } } });
  });

  it('locates each field', () => {
    const { docPath, lines } = fieldLines(load(cassette), 0);
    expect(docPath).toEqual(['http_interactions', 0]);
    expect(lines).toEqual({ interaction: 3, 'request.method': 18, 'request.url': 19, 'request.headers': 10, 'request.body': 6, 'response.status': 34, 'response.headers': 26, 'response.body': 22 });
  });

  it('rejects an interaction without a request, naming it', () => {
    const broken = JSON.stringify({ http_interactions: [{ recorded_at: '2025-10-20T10:00:00', response: {} }], recorded_with: 'betamax/0.9.0' }, null, 2);
    expect(inputError(broken)).toEqual({ interaction: 0, line: 3 });
  });
});
