import { describe, expect, it } from 'vitest';
import { pairSides, scoreSides } from '../../src/diff/pair.js';
import { type Side, sideOf } from '../../src/diff/side.js';
import { loadCassette } from '../../src/load.js';

// A distinct word per index (letters only, so no id masking makes two calls alike).
const word = (n: number) => {
  let s = '';
  for (let k = 0; k < 4; k++, n = Math.floor(n / 26)) s += String.fromCharCode(97 + (n % 26));
  return s;
};

/** Sides of a go-vcr cassette of chat calls on one route, one per question. */
function sides(questions: readonly string[]): Side[] {
  const interactions = questions.map((q, id) => ({
    id,
    request: { url: 'https://api.openai.com/v1/chat/completions', method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] }), headers: { 'Content-Type': ['application/json'] } },
    response: { code: 200, status: '200 OK', body: '{}', headers: {} },
  }));
  return loadCassette(JSON.stringify({ version: 2, interactions }), 'c.yaml', { format: 'go-vcr' }).interactions.map((i) => sideOf(i, {}));
}

describe('pairing large cassettes (banded scoring)', () => {
  const n = 2000;
  // Three words no other call has (the numbers never meet below 26 ** 4), as a prompt names its own subject.
  const question = (i: number) => `question ${word(i)} about ${word(100_000 + i * 7)} and ${word(200_000 + i * 13)}`;
  const old = Array.from({ length: n }, (_, i) => question(i));
  // Every request changed (one more word); 500 and 501 swapped; 10 new calls inserted before old 1000.
  const changed = old.map((q) => `${q} today`);
  [changed[500], changed[501]] = [changed[501]!, changed[500]!];
  const inserted = Array.from({ length: 10 }, (_, k) => `brand new ${word(50_000 + k)} call ${word(60_000 + k)}`);
  const fresh = [...changed.slice(0, 1000), ...inserted, ...changed.slice(1000)];

  let calls = 0;
  const counting = (a: Side, b: Side, full: boolean) => {
    calls++;
    return scoreSides(a, b, full);
  };
  const before = sides(old);
  const after = sides(fresh);
  const { pairs, moved } = pairSides(before, after, counting);

  it('scores a linear number of pairs, not n x m', () => {
    // The bound pairSides documents: 2 * (2 * 32 + 1) * (n + m) + n, about 1/8 of the 4M pairs.
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(2 * 65 * (before.length + after.length) + before.length);
    expect(calls).toBeLessThan((before.length * after.length) / 5);
  });

  it('still pairs each changed call with its twin, a swap as moved and insertions as added', () => {
    const toAfter = new Map(pairs.filter(([i, j]) => i !== undefined && j !== undefined) as [number, number][]);
    const expected = (i: number) => (i === 500 ? 501 : i === 501 ? 500 : i < 1000 ? i : i + 10);
    expect(toAfter.size).toBe(n);
    for (let i = 0; i < n; i++) expect(toAfter.get(i)).toBe(expected(i));
    expect(pairs.filter(([i]) => i === undefined).map(([, j]) => j)).toEqual(Array.from({ length: 10 }, (_, k) => 1000 + k));
    expect([...moved].sort()).toEqual(['500:501', '501:500']);
  });

  it('pairs calls moved far outside the band: identical ones by key, changed ones by their own words', () => {
    // The old cassette's first 300 calls, unchanged, moved to the end of a new cassette of changed ones:
    // every changed call is now 300 places earlier, far outside the band of 32.
    const tail = old.slice(0, 300);
    const moving = sides([...changed.slice(300), ...tail]);
    const result = pairSides(before, moving);
    const toAfter = new Map(result.pairs.filter(([i, j]) => i !== undefined && j !== undefined) as [number, number][]);
    for (let i = 0; i < 300; i++) expect(toAfter.get(i)).toBe(n - 300 + i);
    // (`changed` has 500 and 501 swapped.)
    for (let i = 300; i < n; i++) expect(toAfter.get(i)).toBe((i === 500 ? 501 : i === 501 ? 500 : i) - 300);
  });
});
