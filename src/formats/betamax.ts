import type { LoadWarning } from '../model/types.js';
import type { FormatAdapter } from './types.js';
import { httpInteraction, httpInteractions, recordedWith } from './vcr-family.js';

/** Betamax (Python requests): Ruby VCR's layout as JSON, `recorded_with: betamax/x.y`. */
export const betamax: FormatAdapter = {
  id: 'betamax',
  description: 'Betamax JSON cassettes (`http_interactions`, `recorded_with: betamax/x.y`)',
  detect: (doc) => /^betamax\//i.test(recordedWith(doc) ?? ''),
  parse(doc) {
    const warnings: LoadWarning[] = [];
    return { format: 'betamax', recordedWith: recordedWith(doc), interactions: httpInteractions(doc, warnings), warnings };
  },
  list: { path: ['http_interactions'], head: (doc) => ({ format: 'betamax', recordedWith: recordedWith(doc) }), interaction: httpInteraction },
};
