import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCassetteStreams, diffCassettes, type InteractionSource } from '../../src/diff/compare.js';
import { loadCassette, openCassette } from '../../src/load.js';
import { SAMPLES } from '../helpers/corpus.js';

/** A source as the CLI makes it: each read opens the bytes again, one interaction at a time. */
function source(text: string | Uint8Array, path: string): InteractionSource {
  const first = openCassette(text, path);
  return { path, count: first.interactionCount, interactions: () => openCassette(text, path).interactions() };
}

const whole = (text: string | Uint8Array, path: string) => loadCassette(text, path);

/** go-vcr v2 as JSON text, one interaction per request body (the JSON list streams). */
function goVcr(bodies: string[]): string {
  const interactions = bodies.map((content, id) => ({
    id,
    request: { url: 'https://api.openai.com/v1/chat/completions', method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] }), headers: { 'Content-Type': ['application/json'] } },
    response: { code: 200, status: '200 OK', body: JSON.stringify({ model: 'gpt-4o-mini', choices: [{ message: { role: 'assistant', content: `re ${content}` } }], usage: { prompt_tokens: 3, completion_tokens: 2 } }), headers: { 'Content-Type': ['application/json'] } },
  }));
  return JSON.stringify({ version: 2, interactions });
}

const files = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ya?ml|json|har)$/.test(f))
  .sort()
  .map((f) => join(SAMPLES, f));

describe('diff OLD NEW read as streams gives what diffCassettes gives', () => {
  it.each([
    ['the same calls in the same order', ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['a re-record whose answers changed', ['a', 'b', 'c'], ['a', 'b', 'c'].map((x) => x)],
    ['calls swapped', ['a', 'b', 'c'], ['a', 'c', 'b']],
    ['a call added', ['a', 'b'], ['a', 'x', 'b']],
    ['a call removed at the end', ['a', 'b', 'c'], ['a', 'b']],
  ])('%s', (_, old, next) => {
    const [a, b] = [goVcr(old), goVcr(next).replaceAll('re ', 'new ')];
    expect(diffCassetteStreams(source(a, 'a.json'), source(b, 'b.json'))).toEqual(diffCassettes(whole(a, 'a.json'), whole(b, 'b.json')));
  });

  it.each(files.map((f, i) => [f.slice(SAMPLES.length + 1), f, files[(i + 1) % files.length]!]))('%s against itself and the next sample', (_, f, g) => {
    const [x, y] = [readFileSync(f), readFileSync(g)];
    let sx: InteractionSource;
    let sy: InteractionSource;
    try {
      sx = source(x, f);
      sy = source(y, g);
    } catch {
      return; // not a cassette the CLI would stream (it reads such a file whole, as before)
    }
    expect(diffCassetteStreams(sx, source(x, f))).toEqual(diffCassettes(whole(x, f), whole(x, f)));
    expect(diffCassetteStreams(sx, sy)).toEqual(diffCassettes(whole(x, f), whole(y, g)));
  });
});
