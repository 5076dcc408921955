import type { Rule } from '../types.js';

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export const fileSize: Rule = {
  id: 'file-size',
  defaultSeverity: 'warn',
  category: 'hygiene',
  description: 'the cassette file is larger than `maxBytes` (default 5 MiB)',
  scope: 'file',
  check({ options, fileSize: size }) {
    const max = typeof options.maxBytes === 'number' ? options.maxBytes : DEFAULT_MAX_BYTES;
    if (size <= max) return [];
    return [{ message: `file is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${(max / 1024 / 1024).toFixed(1)} MiB limit`, offset: 0 }]; // line 1: no need to parse the whole file again for its position
  },
};
