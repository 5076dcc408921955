import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

export const streamMismatch: Rule = {
  id: 'stream-mismatch',
  defaultSeverity: 'error',
  category: 'stream',
  description: 'the request asks for `stream: true` but the recorded response is not a stream',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const llm = ctx.llm(i);
      const body = i.request.body.json as { stream?: unknown } | undefined;
      if (!llm?.response || body?.stream !== true || llm.response.streamed || llm.response.error || (i.response?.status ?? 0) >= 400) return [];
      return [{ message: 'request has `stream: true` but the response is a single JSON body; replays will not stream', path: i.fieldPaths['response.body'] }];
    });
  },
};
