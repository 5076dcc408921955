import { describe, expect, it } from 'vitest';
import { lintStream } from '../../src/lint/engine.js';
import type { Rule } from '../../src/lint/types.js';
import { openCassette } from '../../src/load.js';
import { goVcr } from './helpers.js';

/** A rule that reports what it sees of the document's interaction list on each call. */
const seeList = (listOf: (data: unknown) => unknown[]): Rule => ({
  id: 'see-list',
  defaultSeverity: 'error',
  category: 'hygiene',
  description: 'test',
  check: ({ cassette }) => {
    const list = listOf(cassette.data);
    const i = cassette.interactions[0]!;
    return [{ message: JSON.stringify({ index: i.index, length: list.length, held: Object.keys(list), isArray: Array.isArray(list), item: (list[i.index] as { id?: number } | undefined)?.id }), interaction: i.index }];
  },
});

const seen = (text: string, path: string, listOf: (data: unknown) => unknown[]) => {
  const stream = openCassette(text, path);
  expect(stream.list, 'read as a streamed list').toBeDefined();
  return lintStream(stream, [seeList(listOf)], new Map(), text.length).map((f) => JSON.parse(f.message) as Record<string, unknown>);
};

describe('lintStream: the view of a streamed list', () => {
  it('holds only the current item, at its own index, in a list of length index + 1 (go-vcr)', () => {
    const text = goVcr([{}, {}, {}, {}]);
    expect(seen(text, 'x.yaml', (d) => (d as { interactions: unknown[] }).interactions)).toEqual(
      [0, 1, 2, 3].map((n) => ({ index: n, length: n + 1, held: [String(n)], isArray: true, item: n })),
    );
  });

  it('holds only the current item in a top-level list too (nock)', () => {
    const item = (n: number) => ({ scope: 'https://api.openai.com:443', method: 'POST', path: '/v1/chat/completions', body: { model: 'm', n }, status: 200, response: { id: `c${n}` } });
    const text = JSON.stringify([item(0), item(1), item(2)]);
    const rows = seen(text, 'x.json', (d) => d as unknown[]);
    expect(rows.map(({ index, length, held, isArray }) => ({ index, length, held, isArray }))).toEqual([0, 1, 2].map((n) => ({ index: n, length: n + 1, held: [String(n)], isArray: true })));
  });
});
