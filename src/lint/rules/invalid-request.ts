import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';
import { maskUrl } from '../../secrets/mask.js';

const METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT|PROPFIND|REPORT|MKCOL|QUERY)$/;

export const invalidRequest: Rule = {
  id: 'invalid-request',
  defaultSeverity: 'error',
  category: 'schema',
  description: 'a request has an invalid URL or HTTP method',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const out = [];
      // A missing method is required-fields' finding; this rule judges only one that was recorded.
      if (i.request.method !== undefined && !METHOD.test(i.request.method)) out.push({ message: `invalid HTTP method ${JSON.stringify(i.request.method)}`, path: i.fieldPaths['request.method'] });
      // Recorders' filters leave placeholders such as <AWS_REGION> that replay fills in again.
      const url = i.request.url.replace(/<[A-Z0-9_]+>/g, 'placeholder');
      let ok = url.startsWith('placeholder');
      try {
        ok ||= /^(https?|wss?):$/.test(new URL(url).protocol);
      } catch {
        // not a URL
      }
      // Masked before the cut: a key cut short is no longer a key shape, and the findings' masking would miss it.
      if (!ok) out.push({ message: `invalid URL ${JSON.stringify(maskUrl(i.request.url).slice(0, 80))}`, path: i.fieldPaths['request.url'] });
      return out;
    });
  },
};
