import type { Rule } from '../types.js';
import { secretReports } from './secrets.js';

export const secretUrl: Rule = {
  id: 'secret-url',
  defaultSeverity: 'error',
  category: 'secret',
  fixable: true,
  description: 'a credential in a URL query parameter: key, api_key, token, X-Amz-Credential, X-Amz-Signature, a random value of any parameter named like a key, a known key shape in any parameter',
  check: (ctx) => secretReports(ctx, 'url', (s) => `URL parameter ${s.field} holds a credential`),
};
