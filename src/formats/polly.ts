import { harCreator, harEntries, harInteraction, harInteractions } from './har-entries.js';
import { isRecord } from './shared.js';
import type { FormatAdapter } from './types.js';

/** Polly.js recordings: HAR 1.2 plus `_id`/`_order`, written as JSON or YAML. */
export const polly: FormatAdapter = {
  id: 'polly',
  description: 'Polly.js recordings (HAR 1.2 with _id/_order; JSON or YAML; base64 chunk arrays, _isBinary hex)',
  detect(doc) {
    const entries = harEntries(doc.data);
    if (!entries) return false;
    if (/^Polly/i.test(harCreator(doc.data) ?? '')) return true;
    const first: unknown = entries[0];
    return isRecord(first) && '_id' in first && '_order' in first;
  },
  parse: (doc) => ({ format: 'polly', recordedWith: harCreator(doc.data), interactions: harInteractions(doc), warnings: [] }),
  list: { path: ['log', 'entries'], head: (doc) => ({ format: 'polly', recordedWith: harCreator(doc.data) }), interaction: harInteraction },
};
