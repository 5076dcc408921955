import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/document.js';
import { splitJsonList } from '../../src/source/json-list.js';

const split = (text: string) => splitJsonList(Buffer.from(text));
const items = (text: string) => split(text)?.items.map((r) => text.slice(r.start, r.end));

describe('splitJsonList', () => {
  it('finds the elements of a top-level array (nock)', () => {
    const text = '[\n  {"scope": "https://a", "x": "a \\" ] } quote"},\n  {"scope": "b", "n": [1, [2]]}\n]\n';
    expect(split(text)?.path).toEqual([]);
    expect(items(text)).toEqual(['{"scope": "https://a", "x": "a \\" ] } quote"}', '{"scope": "b", "n": [1, [2]]}']);
    expect(JSON.parse(split(text)!.head)).toEqual([]);
  });

  it("finds HAR's log.entries and keeps the rest of the document in the head", () => {
    const text = '{"log": {"version": "1.2", "creator": {"name": "x"}, "entries": [{"a": 1}, {"b": "\\\\"}], "pages": []}}';
    expect(split(text)?.path).toEqual(['log', 'entries']);
    expect(items(text)).toEqual(['{"a": 1}', '{"b": "\\\\"}']);
    expect(JSON.parse(split(text)!.head)).toEqual({ log: { version: '1.2', creator: { name: 'x' }, entries: [], pages: [] } });
  });

  it('finds interactions and http_interactions at the top level', () => {
    expect(split('{"version": 1, "interactions": [{"request": {}}]}')?.path).toEqual(['interactions']);
    expect(split('{"http_interactions": [1, "two", null], "recorded_with": "betamax/0.8"}')?.items).toHaveLength(3);
  });

  it.each([
    ['an empty list', '[]'],
    ['the list key twice', '{"interactions": [1], "interactions": [2]}'],
    ['an escaped key', '{"interact\\u0069ons": [1]}'],
    ['an unterminated string', '[{"a": "b}]'],
    ['an unterminated list', '[{"a": 1},'],
    ['no list', '{"a": {"b": [1]}}'],
    ['a scalar document', '"text"'],
  ])('declines %s', (_, text) => {
    expect(split(text)).toBeUndefined();
  });

  it('parses a broken element with the whole document, for its usual error and position', () => {
    const doc = parseSource('[\n  {"scope": "a", "method": "GET"},\n  {"scope": tru}\n]\n', { lazy: true });
    expect(doc.list?.length).toBe(2);
    expect(() => doc.list!.item(1)).toThrow(/invalid JSON.*\n?/);
  });

  it('gives each item its own text and position in the file, multibyte text included', () => {
    const text = '{"log": {"entries": [\n  {"x": "é🙂"},\n  {"y": 2}\n]}}';
    const doc = parseSource(Buffer.from(text), { lazy: true });
    const second = doc.list!.source(1);
    expect(second.text).toBe('{"y": 2}');
    expect(text.slice(second.offset, second.offset + second.text.length)).toBe('{"y": 2}');
    expect([second.line, second.column]).toEqual([3, 3]);
    expect(doc.locate(['log', 'entries', 1, 'y'])).toMatchObject({ line: 3, column: 9 });
  });
});

describe('splitJsonList strings', () => {
  it('ends each string at its own quote, escapes at any length (short strings are walked, long ones searched)', () => {
    for (let n = 0; n < 120; n++) {
      for (const tail of ['\\"', '\\\\', '\\\\\\"', 'x']) {
        const value = `${'a'.repeat(n)}${tail}"`.slice(0, -1);
        const items = [{ k: value, [`key${value}`]: [value] }, { k: 'b' }];
        const text = JSON.stringify(items);
        const split = splitJsonList(Buffer.from(text));
        expect(split?.items.map((r) => JSON.parse(text.slice(r.start, r.end)))).toEqual(items);
      }
    }
  });
});
