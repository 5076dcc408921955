import { REASONS } from '../../formats/shared.js';
import type { Rule } from '../types.js';
import { perInteraction, valueAt } from './shared.js';

/** Each standard reason phrase, lower-cased, to its code: made on the first phrase that is not its own code's. */
let known: Map<string, number> | undefined;

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
      const text = res.statusText.toLowerCase();
      if (REASONS[res.status]?.toLowerCase() === text) return [];
      const other = (known ??= new Map(Object.entries(REASONS).map(([code, phrase]) => [phrase.toLowerCase(), Number(code)]))).get(text);
      // go-vcr keeps the text in `status` ("200 Not Found"), beside the code: the finding points at the text.
      const textPath = typeof raw === 'string' ? [...i.docPath, 'response', 'status'] : path;
      if (other !== undefined && other !== res.status) return [{ message: `status text "${res.statusText}" belongs to ${other}, not ${res.status}`, path: textPath }];
      return [];
    });
  },
};
