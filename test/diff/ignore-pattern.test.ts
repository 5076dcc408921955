import { describe, expect, it } from 'vitest';
import { invalidIgnorePattern } from '../../src/diff/ignore-pattern.js';
import { ignoreMatcher } from '../../src/diff/noise.js';

describe('--ignore patterns', () => {
  it.each(['temperature', 'messages[*].cache_control', 'tools.*.description', 'messages[3].content[0].text', '[0].id', 'tool*', '"content-type"', '"a.b"[*].c', 'x-request-id'])('accepts %s', (p) => {
    expect(invalidIgnorePattern([p])).toBeUndefined();
  });

  it.each(['bogus[[', 'a..b', '.a', 'a.', 'messages[x]', 'messages[', 'a]', '', 'a b', '"unclosed'])('rejects %j', (p) => {
    expect(invalidIgnorePattern(['model', p])).toBe(p);
  });

  it('every accepted pattern matches the path it names', () => {
    expect(ignoreMatcher(['"a.b"[*].c'])('"a.b"[2].c')).toBe(true);
    expect(ignoreMatcher(['[0].id'])('[0].id')).toBe(true);
  });
});
