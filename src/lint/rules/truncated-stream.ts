import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

export const truncatedStream: Rule = {
  id: 'truncated-stream',
  defaultSeverity: 'error',
  category: 'stream',
  description: 'a streamed response ends without its terminal event ([DONE], message_stop, response.completed, a final chunk)',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const r = ctx.llm(i)?.response;
      if (!r?.truncated) return [];
      return [{ message: `${r.provider} stream is truncated: ${r.warnings.find((w) => /without|truncat|partial/.test(w)) ?? 'no terminal event'}`, path: i.fieldPaths['response.body'] }];
    });
  },
};
