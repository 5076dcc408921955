import { decodeEventStream, looksLikeEventStream } from '../../llm/eventstream.js';
import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

export const eventstreamCrc: Rule = {
  id: 'eventstream-crc',
  defaultSeverity: 'error',
  category: 'stream',
  description: 'an AWS eventstream frame has a wrong CRC or length (the recording was altered or cut)',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const body = i.response?.body;
      if (!body?.binary || !looksLikeEventStream(body.bytes)) return [];
      return decodeEventStream(body.bytes).problems.map((p) => ({ message: `eventstream at byte ${p.offset}: ${p.message}`, path: i.fieldPaths['response.body'] }));
    });
  },
};
