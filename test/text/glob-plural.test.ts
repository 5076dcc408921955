import { describe, expect, it } from 'vitest';
import { globBase, hasGlob, matchGlob } from '../../src/text/glob.js';
import { count } from '../../src/text/plural.js';

describe('command-line globs', () => {
  it.each([
    ['tests/**/*.yaml', 'tests/a.yaml', true],
    ['tests/**/*.yaml', 'tests/x/y/a.yaml', true],
    ['tests/**/*.yaml', 'other/a.yaml', false],
    ['tests/*.yaml', 'tests/x/a.yaml', false],
    ['*.json', 'a.json', true],
    ['./tests/?.json', 'tests/a.json', true],
    ['/abs/**', '/abs/x/y.json', true],
    ['a*b*c*d*e*f*g*h*i*j', `${'a'.repeat(5000)}`, false],
  ])('%s ~ %s → %s', (pattern, path, expected) => {
    expect(matchGlob(pattern, path)).toBe(expected);
  });

  it('finds the directory to walk', () => {
    expect(globBase('tests/**/*.yaml')).toBe('tests');
    expect(globBase('*.yaml')).toBe('.');
    expect(globBase('/tmp/x/*.yaml')).toBe('/tmp/x');
    expect(hasGlob('a/b.yaml')).toBe(false);
  });
});

describe('count', () => {
  it('puts the noun in the right number', () => {
    expect([count(0, 'file'), count(1, 'file'), count(2, 'entry', 'entries'), count(1200, 'call')]).toEqual(['0 files', '1 file', '2 entries', '1,200 calls']);
  });
});
