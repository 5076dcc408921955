import { detach } from '../../text/detach.js';
import type { Rule, RuleReport } from '../types.js';

export const duplicateRequest: Rule = {
  id: 'duplicate-request',
  defaultSeverity: 'warn',
  category: 'hygiene',
  description: 'the same request (method, URL and body) was recorded more than once',
  check({ cassette, state }) {
    const first = (state.first ??= new Map<string, number>()) as Map<string, number>;
    const out: RuleReport[] = [];
    for (const i of cassette.interactions) {
      const key = `${i.request.method ?? '\u0000'} ${i.request.url}\u0000${i.request.body.text ?? `#${i.request.body.size}`}`;
      const earlier = first.get(key);
      // The key is kept for the whole file: detached, it does not keep the interaction's text alive.
      if (earlier === undefined) first.set(detach(key), i.index);
      else out.push({ message: `same request as interaction ${earlier}; a replay may return either response`, interaction: i.index, path: i.fieldPaths.request ?? i.docPath });
    }
    return out;
  },
};
