import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

export const toolArguments: Rule = {
  id: 'tool-arguments',
  defaultSeverity: 'error',
  category: 'stream',
  description: 'streamed tool-call arguments do not assemble to valid JSON',
  check(ctx) {
    return perInteraction(ctx, (i) =>
      (ctx.llm(i)?.response?.toolCalls ?? [])
        .filter((c) => c.argumentsError)
        .map((c) => ({ message: `tool call ${c.name}${c.id ? ` (${c.id})` : ''}: ${c.argumentsError}`, path: i.fieldPaths['response.body'] })),
    );
  },
};
