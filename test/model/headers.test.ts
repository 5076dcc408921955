import { describe, expect, it } from 'vitest';
import { getHeader, headersFrom, mediaType } from '../../src/model/headers.js';

// getHeader, mediaType and headersFrom run several times per interaction of every command, so they
// are written with indexed loops; these tables pin what the plainer forms (for...of,
// Object.entries, split(';')[0]) gave.
describe('mediaType', () => {
  it.each([
    ['application/json', 'application/json'],
    ['Application/JSON; charset=utf-8', 'application/json'],
    ['  text/event-stream ;charset=UTF-8;x=y', 'text/event-stream'],
    ['text/plain;', 'text/plain'],
    [';charset=utf-8', undefined],
    ['', undefined],
    ['   ', undefined],
  ])('%j is %j', (value, expected) => {
    expect(mediaType([{ name: 'X-Other', value: 'a/b' }, { name: 'Content-Type', value }])).toBe(expected);
  });

  it('is undefined without a content type, and takes the first of two', () => {
    expect(mediaType([{ name: 'Content-Length', value: '2' }])).toBeUndefined();
    expect(mediaType([])).toBeUndefined();
    expect(mediaType([{ name: 'content-type', value: 'a/b' }, { name: 'CONTENT-TYPE', value: 'c/d' }])).toBe('a/b');
  });
});

describe('getHeader', () => {
  it('matches names case-insensitively and only whole names', () => {
    const headers = [{ name: 'Content-Type-X', value: 'no' }, { name: 'content-TYPE', value: 'yes' }];
    expect(getHeader(headers, 'Content-Type')).toBe('yes');
    expect(getHeader(headers, 'content')).toBeUndefined();
  });
});

describe('headersFrom', () => {
  it('reads {Name: [values]} and {Name: value} in key order, values as text', () => {
    const raw = JSON.parse('{"A": ["1", 2, null], "B": "x", "__proto__": ["p"], "C": [], "D": {"k": 1}, "E": true}');
    expect(headersFrom(raw)).toEqual([
      { name: 'A', value: '1' },
      { name: 'A', value: '2' },
      { name: 'A', value: '' },
      { name: 'B', value: 'x' },
      { name: '__proto__', value: 'p' },
      { name: 'D', value: '{"k":1}' },
      { name: 'E', value: 'true' },
    ]);
  });

  it('reads flat and {name, value} lists', () => {
    expect(headersFrom(['A', '1', 'B', 2])).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(headersFrom([{ name: 'A', value: 'x' }, { other: 1 }])).toEqual([{ name: 'A', value: 'x' }]);
    expect(headersFrom(null)).toEqual([]);
    expect(headersFrom('text')).toEqual([]);
  });
});
