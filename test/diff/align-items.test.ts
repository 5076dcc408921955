import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignByKey } from '../../src/diff/align.js';
import { alignItems, contentKey } from '../../src/diff/json-diff.js';

// Few distinct items, some equal only once ids are masked, so lists repeat items and keys tie.
const item = fc.constantFrom<unknown>(
  { role: 'user', content: 'hi' },
  { role: 'user', content: 'hello' },
  { role: 'assistant', content: 'hi', id: 'call_abc123' },
  { role: 'assistant', content: 'hi', id: 'call_xyz789' },
  { content: 'hi', role: 'user' },
  'hi',
  3,
  null,
  [1, { id: 'msg_0001' }],
);
const list = fc.array(item, { maxLength: 7 });

describe('alignItems', () => {
  it('gives alignByKey over the content keys of every item', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(list, list), list.chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a).chain((b) => fc.tuple(fc.constant(b), item)).map(([b, x]) => [...b, x])))), ([before, after]) => {
        expect(alignItems(before, after)).toEqual(alignByKey(before.map(contentKey), after.map(contentKey)));
      }),
      { seed: 18, numRuns: 1500 },
    );
  });
});
