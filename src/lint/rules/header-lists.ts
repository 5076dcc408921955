import type { Rule, RuleReport } from '../types.js';
import { LIST_HEADER_FORMATS, isRecord, perInteraction, valueAt } from './shared.js';

export const headerLists: Rule = {
  id: 'header-lists',
  defaultSeverity: 'error',
  category: 'schema',
  description: 'a header value is not a list in a format whose recorder needs lists (go-vcr, Ruby VCR, Betamax)',
  check(ctx) {
    if (!LIST_HEADER_FORMATS.has(ctx.cassette.format)) return [];
    return perInteraction(ctx, (i) => {
      const out: Omit<RuleReport, 'interaction'>[] = [];
      for (const field of ['request.headers', 'response.headers'] as const) {
        const path = i.fieldPaths[field];
        const headers = path ? valueAt(ctx.cassette.data, path) : undefined;
        if (!isRecord(headers)) continue;
        for (const [name, value] of Object.entries(headers)) {
          if (!Array.isArray(value)) out.push({ message: `header ${name} should be a list of values, not ${value === null ? 'null' : typeof value}`, path: [...path!, name] });
        }
      }
      return out;
    });
  },
};
