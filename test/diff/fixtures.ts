import { gzipSync } from 'node:zlib';
import { loadCassette } from '../../src/load.js';
import type { Cassette } from '../../src/model/types.js';

/** One recorded call for a hand-written VCR.py cassette. */
export interface Call {
  method?: string;
  url?: string;
  body?: unknown;
  headers?: Record<string, string>;
  status?: number;
  response?: unknown;
  responseHeaders?: Record<string, string>;
  /** Store the response body gzip-compressed (as bytes), as some recorders do. */
  gzip?: boolean;
}

const CHAT = 'https://api.openai.com/v1/chat/completions';

/** An OpenAI chat completion response body saying `text`. */
export const reply = (text: string, model = 'gpt-4o', extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model,
  choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  ...extra,
});

/** A VCR.py cassette (YAML is a superset of JSON, so it is written as JSON) holding these calls. */
export function vcrpy(calls: readonly Call[], name = 'fixture.yaml'): Cassette {
  const interactions = calls.map((c) => {
    const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    const responseText = text(c.response ?? reply('ok'));
    const headers = { 'Content-Type': 'application/json', ...c.headers };
    const responseHeaders = { 'Content-Type': 'application/json', ...(c.gzip ? { 'Content-Encoding': 'gzip' } : {}), ...c.responseHeaders };
    return {
      request: { body: c.body === undefined ? '' : text(c.body), headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), method: c.method ?? 'POST', uri: c.url ?? CHAT },
      response: {
        body: { string: c.gzip ? gzipSync(responseText).toString('latin1') : responseText },
        headers: Object.fromEntries(Object.entries(responseHeaders).map(([k, v]) => [k, [v]])),
        status: { code: c.status ?? 200, message: 'OK' },
      },
    };
  });
  return loadCassette(JSON.stringify({ interactions, version: 1 }), name, { format: 'vcrpy' });
}
