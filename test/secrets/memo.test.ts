import { describe, expect, it } from 'vitest';
import { bodySecrets, findSecrets, patternSecrets } from '../../src/secrets/detect.js';
import { secretFastPaths } from '../../src/secrets/fast-paths.js';
import { memoByString } from '../../src/secrets/memo.js';
import type { Interaction } from '../../src/model/types.js';
import { loadCassette } from '../../src/load.js';
import { goVcr } from '../lint/helpers.js';

describe('memoByString', () => {
  it('computes each short string once and gives the same result for it, false and undefined included', () => {
    const calls: string[] = [];
    const judge = memoByString((s) => {
      calls.push(s);
      return s === 'no' ? false : s === 'none' ? undefined : [{ value: s.slice(1) }];
    });
    expect(judge('abc')).toEqual([{ value: 'bc' }]);
    expect(judge('abc')).toEqual([{ value: 'bc' }]);
    expect(judge('no')).toBe(false);
    expect(judge('no')).toBe(false);
    expect(judge('none')).toBeUndefined();
    expect(judge('none')).toBeUndefined();
    expect(calls).toEqual(['abc', 'no', 'none']);
  });

  it('does not keep strings longer than its limit, and empties itself when full', () => {
    const calls: string[] = [];
    const judge = memoByString((s) => (calls.push(s), s.length), 4, 2);
    judge('12345');
    judge('12345');
    judge('a');
    judge('b');
    judge('c'); // full: emptied, then holds c
    judge('a');
    judge('c');
    expect(calls).toEqual(['12345', '12345', 'a', 'b', 'c', 'a']);
  });
});

describe('findSecrets with judgements kept across interactions', () => {
  // Every interaction has the same URL and headers: the second and later ones are judged from the cache.
  const headers = [
    '      Authorization:\n      - Bearer sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ\n',
    '      X-Note:\n      - sk-test-key-for-the-docs-only-0000000\n', // a key shape that is a placeholder
    '      X-Other:\n      - sk-ant-api03-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV\n', // a key shape in a header no list names
    '      X-Request-Id:\n      - req_0123456789\n',
  ].join('');
  const url = 'https://api.example.com/v1/x?key=Zx81Kq0vLm3Nw7Pr5Ty2&alt=sse';
  const interactions = loadCassette(goVcr([{ headers, url }, { headers, url }, { headers, url }]), 'x.yaml').interactions;
  const found = (i: Interaction) => findSecrets(i).map(({ where, field, kind, value }) => ({ where, field, kind, value }));

  it('finds the same secrets in each of them', () => {
    const first = found(interactions[0]!);
    expect(first).toEqual([
      { where: 'header', field: 'Authorization', kind: 'authorization', value: 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ' },
      { where: 'header', field: 'X-Other', kind: 'anthropic-key', value: 'sk-ant-api03-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV' },
      { where: 'url', field: 'key', kind: 'query parameter key', value: 'Zx81Kq0vLm3Nw7Pr5Ty2' },
    ]);
    for (const i of interactions.slice(1)) expect(found(i)).toEqual(first);
    // Each its own objects: a caller changing one changes no other interaction's.
    expect(findSecrets(interactions[1]!)[2]).not.toBe(findSecrets(interactions[0]!)[2]);
  });
});

describe('findSecrets keeps only the last interaction', () => {
  // Lint asks for one interaction's secrets rule after rule; any other caller may go back and forth.
  const key = (n: number) => `sk-proj-${String(n).repeat(4)}Ab3dE5fG7hJ9kL1mN3pQ5rS7tV`;
  const interactions = loadCassette(goVcr([0, 1, 2].map((n) => ({ headers: `      Authorization:\n      - Bearer ${key(n)}\n` }))), 'x.yaml').interactions;

  it('gives each interaction its own secrets when they are asked for out of turn (A, B, A, C, B)', () => {
    for (const n of [0, 1, 0, 2, 1, 1, 0]) expect(findSecrets(interactions[n]!).map((s) => s.value)).toEqual([key(n)]);
  });

  it('gives the same list to the same interaction asked twice in a row', () => {
    expect(findSecrets(interactions[2]!)).toBe(findSecrets(interactions[2]!));
  });
});

describe('patternSecrets judges a short text once', () => {
  const key = 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ';

  it('gives the same shapes for a text asked for again, short or long', () => {
    for (const text of [`Bearer ${key}`, `${'x '.repeat(400)}${key}`]) {
      expect(patternSecrets(text)).toEqual([{ kind: 'openai-key', value: key }]);
      expect(patternSecrets(text)).toEqual([{ kind: 'openai-key', value: key }]);
    }
  });

  it('keeps its lists unchanged by bodySecrets, which adds key-like pairs to the shapes it finds (both sweeps)', () => {
    const body = `{"note":"${key}","api_key":"Zx81Kq0vLm3Nw7Pr5Ty2Qa9"}`;
    const expected = [
      { kind: 'openai-key', value: key },
      { kind: 'high-entropy api_key', value: 'Zx81Kq0vLm3Nw7Pr5Ty2Qa9' },
    ];
    try {
      for (const oneBodySweep of [true, false, false]) {
        secretFastPaths.oneBodySweep = oneBodySweep;
        expect(patternSecrets(body)).toEqual([expected[0]]);
        expect(bodySecrets(body)).toEqual(expected);
      }
    } finally {
      secretFastPaths.oneBodySweep = true;
    }
  });
});
