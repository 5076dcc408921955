import { detach } from '../../text/detach.js';
import type { Rule, RuleReport } from '../types.js';
import { valueAt } from './shared.js';

export const idSequence: Rule = {
  id: 'id-sequence',
  defaultSeverity: 'error',
  category: 'schema',
  description: 'go-vcr v2 interaction ids are not unique and sequential from 0',
  check({ cassette, state }) {
    if (cassette.format !== 'go-vcr-v2') return [];
    const out: RuleReport[] = [];
    const seen = (state.seen ??= new Set<unknown>()) as Set<unknown>;
    for (const i of cassette.interactions) {
      const id = valueAt(cassette.data, [...i.docPath, 'id']);
      const path = [...i.docPath, 'id'];
      if (id === undefined) out.push({ message: `missing \`id\` (expected ${i.index})`, interaction: i.index, path: i.docPath });
      else if (seen.has(id)) out.push({ message: `duplicate id ${JSON.stringify(id)}`, interaction: i.index, path });
      else if (id !== i.index) out.push({ message: `id ${JSON.stringify(id)} is out of sequence (expected ${i.index})`, interaction: i.index, path });
      seen.add(typeof id === 'string' ? detach(id) : id);
    }
    return out;
  },
};
