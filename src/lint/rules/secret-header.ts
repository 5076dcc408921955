import type { Rule } from '../types.js';
import { secretReports } from './secrets.js';

export const secretHeader: Rule = {
  id: 'secret-header',
  defaultSeverity: 'error',
  category: 'secret',
  fixable: true,
  description: 'a credential in a header: Authorization, x-api-key, api-key, x-goog-api-key, cookies, AWS SigV4 key ids, security tokens',
  check: (ctx) => secretReports(ctx, 'header', (s) => `${s.side} header ${s.field} holds a credential`),
};
