import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDiffers, contentKey, sameContent } from '../../src/diff/json-diff.js';
import { wordsOf, wordsOfText, WORDS_LIMIT } from '../../src/diff/words.js';

// sameContent is a shortcut for `contentKey(a) === contentKey(b)`: it may say "maybe not" (false)
// when the keys are equal, never "same" (true) when they differ.
const ids = fc.constantFrom('call_abc123XYZ', 'call_def456UVW', 'toolu_01ABCdef', '3f2b9c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', '', '{id}', 'x', 'same text', 'gpt-4o');
const leaf = fc.oneof(ids, fc.string({ maxLength: 8 }), fc.constantFrom('a b', 'x:y, "z"', '[1]', ' \n\t\u00a0 '), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
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

// contentDiffers is the other shortcut: it may say "maybe the same" (false) when the keys
// differ, never "differs" (true) when they are the same; and it decides most pairs of JSON data.
describe('contentDiffers', () => {
  it('never says "differs" when the content keys are the same', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        if (contentDiffers(a, b)) expect(contentKey(a)).not.toBe(contentKey(b));
        if (contentDiffers(a, b)) expect(sameContent(a, b)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('tells JSON data apart whenever the keys differ, and says nothing of what JSON leaves out', () => {
    const json = value.map((v) => JSON.parse(JSON.stringify(v ?? null)) as unknown);
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(contentDiffers(a, b)).toBe(contentKey(a) !== contentKey(b));
      }),
      { numRuns: 3000 },
    );
    expect(contentDiffers({ model: 'gpt-4o', n: 1 }, { n: 1, model: 'gpt-4.1' })).toBe(true);
    expect(contentDiffers({ id: 'call_abc123XYZ' }, { id: 'other' })).toBe(false);
    expect(contentDiffers({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(contentDiffers([Number.NaN], [null])).toBe(false);
  });
});

// Pairing's word sets are taken from a value's parts instead of its whole key: the same words.
describe('wordsOf', () => {
  it('gives the words of the content key (with a prefix, as for a response)', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('', '200 '), (v, prefix) => {
        const text = () => `${prefix}${contentKey(v) ?? ''}`;
        expect(wordsOf(v, prefix, text)).toEqual(wordsOfText(text()));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts a long value where the key would be cut', () => {
    const long = { messages: Array.from({ length: 3000 }, (_, k) => ({ role: 'user', content: `word${k} `.repeat(20) })) };
    const text = () => contentKey(long);
    expect(text().length).toBeGreaterThan(WORDS_LIMIT);
    expect(wordsOf(long, '', text)).toEqual(wordsOfText(text()));
    expect(wordsOf(long, '', text).has('word2999')).toBe(false);
  });
});
