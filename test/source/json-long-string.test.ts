import { describe, expect, it } from 'vitest';
import { containerEnd } from '../../src/source/json-list.js';

// A JSON string of a few million escapes (a ~40 MB SSE body in a nock or HAR file: `\"` and `\n` in
// every chunk) overflowed V8's RegExp backtrack stack in containerEnd's string match: `show`, `cost`
// and `lint` failed with "Maximum call stack size exceeded (internal error)".
describe('containerEnd on a string of millions of escapes', () => {
  it('finds the end of the object, as for a short one', () => {
    const body = '\\"a\\n'.repeat(2_000_000);
    const chars = `{"response":"${body}"}, {"next":1}`;
    expect(containerEnd(chars, 0)).toBe(chars.indexOf(', {"next"'));
    // Cut before the string closes: not the end (the streamed split reads on).
    expect(containerEnd(chars.slice(0, 1_000_000), 0)).toBe(-1);
  });
});
