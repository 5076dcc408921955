import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

/**
 * An API error inside a successful (2xx) response: an `error` event in an SSE stream (Anthropic
 * `overloaded_error`, Responses `error`/`response.failed`, OpenAI-compatible error chunks), an
 * exception frame in a Bedrock eventstream, an Ollama `{"error": …}` line, a Gemini error object.
 * The HTTP status says the call worked, so a replay feeds the test a recorded outage.
 */
export const streamError: Rule = {
  id: 'stream-error',
  defaultSeverity: 'error',
  category: 'stream',
  description: 'an API error event or exception frame inside a successful (2xx) response',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const status = i.response?.status ?? 0;
      const r = ctx.llm(i)?.response;
      if (status < 200 || status >= 300 || !r?.error) return [];
      const type = r.error.type ?? (r.error.code !== undefined ? String(r.error.code) : undefined);
      const where = r.streamed ? 'in the stream' : 'in the body';
      return [{ message: `${r.provider} error ${where} of an HTTP ${status} response: ${type ? `${type}: ` : ''}${r.error.message}`, path: i.fieldPaths['response.body'] }];
    });
  },
};
