import { undecodableMessage } from '../../model/body.js';
import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

/**
 * A body compressed in an encoding cassette cannot undo (zstd: Node.js 20's zlib has no decoder).
 * Nothing in it is reassembled, checked or searched for secrets, so a clean lint would say too much.
 */
export const bodyEncoding: Rule = {
  id: 'body-encoding',
  defaultSeverity: 'warn',
  category: 'body',
  description: 'a body is compressed in an encoding cassette cannot decode (zstd): nothing in it is read, checked or searched for secrets',
  check(ctx) {
    return perInteraction(ctx, (i) =>
      (['request', 'response'] as const).map((side) => {
        const encoding = i[side]?.body.undecodable;
        return encoding ? { message: undecodableMessage(side, encoding), path: i.fieldPaths[`${side}.body`] } : undefined;
      }),
    );
  },
};
