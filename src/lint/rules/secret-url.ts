import type { Rule } from '../types.js';
import { secretReports } from './secrets.js';

export const secretUrl: Rule = {
  id: 'secret-url',
  defaultSeverity: 'error',
  category: 'secret',
  fixable: true,
  description: 'a credential in a URL: query parameters key, api_key, token, appid, subscription-key, X-Amz-Credential, X-Amz-Signature, a random value of any parameter named like a key, a known key shape in any parameter, the user name or a path segment, the password of `user:password@`',
  check: (ctx) => secretReports(ctx, 'url', (s) => (s.urlPart ? `URL ${s.urlPart} holds a credential` : `URL parameter ${s.field} holds a credential`)),
};
