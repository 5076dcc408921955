import { harCreator, harEntries, harInteraction, harInteractions } from './har-entries.js';
import type { FormatAdapter } from './types.js';

/** Plain HAR 1.2, as saved by browsers' developer tools and proxies. */
export const har: FormatAdapter = {
  id: 'har',
  description: 'HAR 1.2 archives from browsers and proxies (`log.entries`)',
  detect: (doc) => harEntries(doc.data) !== undefined,
  parse: (doc) => ({ format: 'har', version: '1.2', recordedWith: harCreator(doc.data), interactions: harInteractions(doc), warnings: [] }),
  list: { path: ['log', 'entries'], head: (doc) => ({ format: 'har', version: '1.2', recordedWith: harCreator(doc.data) }), interaction: harInteraction },
};
