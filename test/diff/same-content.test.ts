import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentKey, sameContent } from '../../src/diff/json-diff.js';

// sameContent is a shortcut for `contentKey(a) === contentKey(b)`: it may say "maybe not" (false)
// when the keys are equal, never "same" (true) when they differ.
const ids = fc.constantFrom('call_abc123XYZ', 'call_def456UVW', 'toolu_01ABCdef', '3f2b9c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', '', '{id}', 'x', 'same text', 'gpt-4o');
const leaf = fc.oneof(ids, fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const keys = fc.constantFrom('id', 'tool_call_id', 'model', 'content', 'role', 'name', 'fileIds', 'a');
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 3 })),
})).node;

describe('sameContent', () => {
  it('never says "same" when the content keys differ', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        if (sameContent(a, b)) expect(contentKey(a)).toBe(contentKey(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('says "same" for values that differ only in generated ids, like a re-record', () => {
    const call = (id: string) => ({ role: 'assistant', tool_calls: [{ id, type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] });
    expect(sameContent([call('call_abc123XYZ'), { role: 'tool', tool_call_id: 'call_abc123XYZ' }], [call('call_def456UVW'), { role: 'tool', tool_call_id: 'x' }])).toBe(true);
    expect(sameContent({ role: 'user', content: 'a' }, { role: 'user', content: 'b' })).toBe(false);
    expect(sameContent({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});
