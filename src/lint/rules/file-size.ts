import { formatBytes } from '../../limits/limits.js';
import type { Rule } from '../types.js';

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export const fileSize: Rule = {
  id: 'file-size',
  defaultSeverity: 'warn',
  category: 'hygiene',
  description: 'the cassette file is larger than `maxBytes` (default 5 MiB)',
  scope: 'file',
  options: { maxBytes: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? undefined : 'must be a whole number of bytes (1048576 for 1 MiB)') },
  check({ options, fileSize: size }) {
    const max = typeof options.maxBytes === 'number' ? options.maxBytes : DEFAULT_MAX_BYTES;
    if (size <= max) return [];
    return [{ message: `file is ${formatBytes(size)}, over the ${formatBytes(max)} limit`, offset: 0 }]; // line 1: no need to parse the whole file again for its position
  },
};
