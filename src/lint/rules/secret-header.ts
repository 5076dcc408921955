import type { Rule } from '../types.js';
import { secretReports } from './secrets.js';

export const secretHeader: Rule = {
  id: 'secret-header',
  defaultSeverity: 'error',
  category: 'secret',
  fixable: true,
  description: 'a credential in a header: Authorization, x-api-key, api-key, x-goog-api-key, x-functions-key, request cookies, session cookies, AWS SigV4 key ids, security tokens, a random value in any header named like a key (X-Portkey-Api-Key), a known key shape in any header (infrastructure cookies are skipped, unknown response cookies warn)',
  check: (ctx) =>
    secretReports(ctx, 'header', (s) => (s.uncertain ? `${s.side} header ${s.field} sets a cookie that is neither a known infrastructure cookie nor named like a session: check it is no credential` : `${s.side} header ${s.field} holds a credential`)),
};
