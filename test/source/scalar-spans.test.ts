import { describe, expect, it } from 'vitest';
import { recordScalarSpans, scalarSpans } from '../../src/source/scalar-spans.js';

describe('scalarSpans', () => {
  const spans = (n: number) => [{ start: n, end: n + 300, value: `body ${n}` }];

  it("gives the item last recorded its spans, from that same text only", () => {
    const item = {};
    recordScalarSpans(item, 'text of the item', spans(1));
    expect(scalarSpans(item, 'text of the item')).toEqual(spans(1));
    expect(scalarSpans(item, 'another text')).toBeUndefined();
    expect(scalarSpans({}, 'text of the item')).toBeUndefined();
  });

  it('knows no spans for an item recorded before the last (secret-text then searches its whole text: the same findings)', () => {
    const a = {};
    const b = {};
    recordScalarSpans(a, 'a', spans(1));
    recordScalarSpans(b, 'b', spans(2));
    expect(scalarSpans(a, 'a')).toBeUndefined();
    expect(scalarSpans(b, 'b')).toEqual(spans(2));
  });

  it('keeps the spans of the last item that had some', () => {
    const a = {};
    recordScalarSpans(a, 'a', spans(1));
    recordScalarSpans({}, 'b', []);
    expect(scalarSpans(a, 'a')).toEqual(spans(1));
  });
});
