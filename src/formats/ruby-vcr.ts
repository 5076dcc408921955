import type { LoadWarning } from '../model/types.js';
import { isRecord } from './shared.js';
import type { FormatAdapter } from './types.js';
import { httpInteraction, httpInteractions, recordedWith } from './vcr-family.js';

/** Ruby VCR: `http_interactions`, `body.encoding` + `string`/`base64_string`, Psych `!binary`. */
export const rubyVcr: FormatAdapter = {
  id: 'ruby-vcr',
  description: 'Ruby VCR cassettes, YAML and JSON (`http_interactions`, `recorded_with: VCR x.y`)',
  // The most general `http_interactions` shape: Betamax and r-vcr are detected before it.
  detect: (doc) => isRecord(doc.data) && Array.isArray(doc.data.http_interactions),
  parse(doc) {
    const warnings: LoadWarning[] = [];
    return { format: 'ruby-vcr', recordedWith: recordedWith(doc), interactions: httpInteractions(doc, warnings), warnings };
  },
  list: { path: ['http_interactions'], head: (doc) => ({ format: 'ruby-vcr', recordedWith: recordedWith(doc) }), interaction: httpInteraction },
};
