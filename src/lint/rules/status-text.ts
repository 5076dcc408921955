import { REASONS } from '../../formats/shared.js';
import type { Rule } from '../types.js';
import { perInteraction, valueAt } from './shared.js';

const KNOWN = new Map(Object.entries(REASONS).map(([code, text]) => [text.toLowerCase(), Number(code)]));

export const statusText: Rule = {
  id: 'status-text',
  defaultSeverity: 'error',
  category: 'schema',
  description: 'the recorded status text does not match the status code',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const res = i.response;
      if (!res) return [];
      // go-vcr writes `status: "200 OK"` next to `code`; the number in the text must agree.
      const raw = ctx.cassette.format.startsWith('go-vcr') ? valueAt(ctx.cassette.data, [...i.docPath, 'response', 'status']) : undefined;
      const path = i.fieldPaths['response.status'];
      if (typeof raw === 'string') {
        const n = /^(\d{3})\b/.exec(raw)?.[1];
        if (n && Number(n) !== res.status) return [{ message: `status "${raw}" does not match code ${res.status}`, path: [...i.docPath, 'response', 'status'] }];
      }
      // A standard reason phrase of another code ("404 OK") is a mistake; custom phrases are allowed.
      const other = KNOWN.get(res.statusText.toLowerCase());
      if (other !== undefined && other !== res.status) return [{ message: `status text "${res.statusText}" belongs to ${other}, not ${res.status}`, path }];
      return [];
    });
  },
};
