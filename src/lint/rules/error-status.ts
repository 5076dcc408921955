import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

export const errorStatus: Rule = {
  id: 'error-status',
  defaultSeverity: 'warn',
  category: 'hygiene',
  description: 'a 5xx or 429 response was recorded: tests replay an outage or a rate limit',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const status = i.response?.status ?? 0;
      if (status < 500 && status !== 429) return [];
      return [{ message: `recorded ${status}${i.response?.statusText ? ` ${i.response.statusText}` : ''}${status === 429 ? ' (rate limited)' : ' (server error)'}; re-record when the API is healthy`, path: i.fieldPaths['response.status'] }];
    });
  },
};
