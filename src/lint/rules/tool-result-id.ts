import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

export const toolResultId: Rule = {
  id: 'tool-result-id',
  defaultSeverity: 'error',
  category: 'body',
  description: 'a tool result in a request refers to a tool_call_id that no earlier message issued',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const messages = ctx.llm(i)?.request.messages ?? [];
      const issued = new Set<string>();
      const out = [];
      for (const m of messages) {
        for (const c of m.toolCalls ?? []) if (c.id) issued.add(c.id);
        if (m.toolCallId && !issued.has(m.toolCallId)) {
          out.push({ message: `tool result refers to ${JSON.stringify(m.toolCallId)}, which no earlier message issued`, path: i.fieldPaths['request.body'] });
        }
      }
      return out;
    });
  },
};
