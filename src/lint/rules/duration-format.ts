import { parseGoDuration } from '../../formats/shared.js';
import type { Rule } from '../types.js';
import { perInteraction, valueAt } from './shared.js';

export const durationFormat: Rule = {
  id: 'duration-format',
  defaultSeverity: 'error',
  category: 'schema',
  description: 'a go-vcr response duration is not a Go duration such as `1.23s` or `816ms`',
  check(ctx) {
    if (!ctx.cassette.format.startsWith('go-vcr')) return [];
    return perInteraction(ctx, (i) => {
      const path = [...i.docPath, 'response', 'duration'];
      const value = valueAt(ctx.cassette.data, path);
      if (value === undefined || value === '' || parseGoDuration(value) !== undefined) return [];
      return [{ message: `duration ${JSON.stringify(value)} cannot be parsed (expected e.g. "1.23s", "816ms")`, path }];
    });
  },
};
