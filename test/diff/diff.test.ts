import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCassettes, diffWithin } from '../../src/diff/compare.js';
import { diffJson } from '../../src/diff/json-diff.js';
import { canonical, ignoreMatcher } from '../../src/diff/noise.js';
import { pairInteractions } from '../../src/diff/pair.js';
import { headline, inlineJson } from '../../src/diff/summary.js';
import { loadCassette } from '../../src/load.js';
import { SAMPLES, SEED, hasSeed } from '../helpers/corpus.js';

const load = (path: string) => loadCassette(readFileSync(path), path);
const chat = (messages: unknown[], extra: Record<string, unknown> = {}) => ({ model: 'gpt-4o-mini', messages, ...extra });

/** A one-interaction go-vcr cassette with this request body. */
function cassette(bodies: unknown[], name = 'c.yaml') {
  const interactions = bodies.map((b, id) => ({ id, request: { url: 'https://api.openai.com/v1/chat/completions', method: 'POST', body: JSON.stringify(b), headers: { 'Content-Type': ['application/json'] } }, response: { code: 200, status: '200 OK', body: '{}', headers: {} } }));
  return loadCassette(JSON.stringify({ version: 2, interactions }).replace(/^/, ''), name, { format: 'go-vcr' });
}

describe('diff within one cassette', () => {
  it.skipIf(!hasSeed)('seed 0 → 1: exactly two messages appended, the tool call and the tool result', () => {
    const d = diffWithin(load(SEED));
    expect(d.interactions).toHaveLength(1);
    const request = d.interactions[0]!.request!;
    expect(request.summary).toEqual([
      { category: 'messages-appended', text: `messages[2] added (assistant: "I'll check the weather in Florence, Italy for you." + weather {"location": "Florence,Italy"})` },
      { category: 'messages-appended', text: 'messages[3] added (tool: "40 C")' },
    ]);
    expect(request.changes.map((c) => [c.path, c.kind])).toEqual([
      ['messages[2]', 'added'],
      ['messages[3]', 'added'],
    ]);
    expect(headline(request.summary)).toBe('2 messages appended');
  });

  it.each([
    // [before, after, summary lines, headline]
    [chat([{ role: 'user', content: 'a' }]), chat([{ role: 'user', content: 'b' }]), ['messages[0].content: "a" → "b"'], '1 message edited'],
    [chat([{ role: 'system', content: 'x' }, { role: 'user', content: 'a' }]), chat([{ role: 'system', content: 'y' }, { role: 'user', content: 'a' }]), ['system prompt changed: messages[0].content: "x" → "y"'], 'system prompt changed'],
    [chat([], { model: 'a' }), chat([], { model: 'b' }), ['model changed: a → b'], 'model changed: a → b'],
    [chat([], { temperature: 0 }), chat([], { temperature: 0.7, max_tokens: 10 }), ['temperature: 0 → 0.7', 'max_tokens added (10)'], 'parameters changed'],
    [
      chat([], { tools: [{ type: 'function', function: { name: 'w', parameters: { properties: { city: {} } } } }] }),
      chat([], { tools: [{ type: 'function', function: { name: 'w', parameters: { properties: { city: {}, unit: {} } } } }] }),
      ['tools.w.parameters.properties.unit added'],
      'tools changed',
    ],
    [chat([{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }]), chat([{ role: 'user', content: 'a' }]), ['messages[1] removed (assistant: "b")'], '1 message removed'],
  ])('%j → %j', (before, after, lines, head) => {
    const d = diffWithin(cassette([before, after]));
    const summary = d.interactions[0]!.request!.summary;
    expect(summary.map((l) => l.text)).toEqual(lines);
    expect(headline(summary)).toBe(head);
  });

  it('picks two interactions with from/to', () => {
    const d = diffWithin(cassette([chat([], { n: 1 }), chat([], { n: 2 }), chat([], { n: 3 })]), { from: 0, to: 2 });
    expect(d.interactions.map((x) => [x.before, x.after, x.request!.summary[0]!.text])).toEqual([[0, 2, 'n: 1 → 3']]);
  });

  it('--ignore drops changes at matching paths', () => {
    const before = chat([{ role: 'user', content: 'a', cache_control: { type: 'ephemeral' } }], { metadata: { user_id: 'u1' } });
    const after = chat([{ role: 'user', content: 'a' }], { metadata: { user_id: 'u2' } });
    const d = diffWithin(cassette([before, after]), { ignore: ['messages[*].cache_control', 'metadata.user_id'] });
    expect(d.different).toBe(false);
  });
});

describe('noise', () => {
  it('drops ids, timestamps, obfuscation and signatures unless asked, and sorts keys', () => {
    const body = { id: 'chatcmpl-1', created: 1, z: 1, a: { obfuscation: 'x', signature: 's', keep: true } };
    expect(JSON.stringify(canonical(body, { noise: false, response: true }))).toBe('{"a":{"keep":true},"z":1}');
    expect(Object.keys(canonical(body, { noise: true, response: true }) as object)).toEqual(['a', 'created', 'id', 'z']);
    // A request's own `id` is data, not noise.
    expect(canonical({ id: 'x' }, { noise: false, response: false })).toEqual({ id: 'x' });
  });

  // A re-record mints encrypted reasoning again, as it does signatures: OpenAI Responses items echoed
  // with `include: ["reasoning.encrypted_content"]`, Anthropic `redacted_thinking`, OpenRouter `reasoning.encrypted`.
  it('drops encrypted reasoning echoed in a request: a re-record that only re-minted it has no differences', () => {
    const input = (enc: string, data: string) => [
      { role: 'user', content: 'weather?' },
      { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: enc },
      { role: 'assistant', content: [{ type: 'redacted_thinking', data }, { type: 'text', text: 'ok' }] },
    ];
    const d = diffWithin(cassette([{ model: 'o4-mini', input: input('gAAAAABoQ1x0A', 'EmwKAhgBEgy3') }, { model: 'o4-mini', input: input('gAAAAABoQ2y9B', 'EmwKAhgBEgz9') }]));
    expect(d.different).toBe(false);
    // A block's `data` of another type is content.
    expect(canonical({ type: 'image', data: 'x' }, { noise: false, response: false })).toEqual({ data: 'x', type: 'image' });
  });

  it('matches --ignore globs on paths', () => {
    const m = ignoreMatcher(['messages[*].content', 'tools.*.description']);
    expect(m('messages[3].content')).toBe(true);
    expect(m('messages[3].content[0].text')).toBe(true);
    expect(m('messages[3].role')).toBe(false);
    expect(m('tools.a.description')).toBe(true);
  });
});

describe('two cassettes', () => {
  it.skipIf(!hasSeed)('a cassette against itself has no differences', () => {
    expect(diffCassettes(load(SEED), load(SEED)).different).toBe(false);
  });

  it('compares different formats by meaning: the same call recorded by nock and by VCR.py', () => {
    const d = diffCassettes(load(join(SAMPLES, 'nock/openai-chat.json')), load(join(SAMPLES, 'vcrpy/openai-chat-parsed-body.yaml')));
    expect(d.interactions[0]!.status).toBe('same');
    // A legacy completion and an embeddings call are not the same call: one removed, one added, each described.
    expect(d.interactions.slice(1).map((x) => [x.status, x.description])).toEqual([
      ['removed', 'model gpt-3.5-turbo-instruct'],
      ['added', 'model text-embedding-3-small'],
    ]);
  });

  it('reports response meaning: streamed text equals the same text in JSON, usage changes are usage', () => {
    const d = diffCassettes(load(join(SAMPLES, 'httprr/openai-chat-stream.httprr')), load(join(SAMPLES, 'nock/openai-chat-stream-gzip-chunks.json')));
    expect(d.interactions.map((x) => x.status)).toEqual(['same', 'removed']);
  });

  it('pairs by method, URL and body similarity when the counts differ', () => {
    const a = cassette([chat([{ role: 'user', content: 'one' }]), chat([{ role: 'user', content: 'two' }])]).interactions;
    const b = cassette([chat([{ role: 'user', content: 'zero' }]), chat([{ role: 'user', content: 'one' }]), chat([{ role: 'user', content: 'two' }])]).interactions;
    expect(pairInteractions(a, b)).toEqual([
      [undefined, 0],
      [0, 1],
      [1, 2],
    ]);
  });
});

describe('helpers', () => {
  it('diffs JSON by path', () => {
    expect(diffJson({ a: [1, 2], b: 'x' }, { a: [1, 3, 4], c: true })).toEqual([
      { path: 'a', kind: 'changed', before: [1, 2], after: [1, 3, 4], detail: '- 2, + 3, + 4' },
      { path: 'b', kind: 'removed', before: 'x' },
      { path: 'c', kind: 'added', after: true },
    ]);
  });

  it('writes tool arguments on one line', () => {
    expect(inlineJson({ location: 'Florence,Italy', n: [1, 2] })).toBe('{"location": "Florence,Italy", "n": [1, 2]}');
  });
});

describe('secrets in diffs', () => {
  it('masks key shapes in summaries and patches', () => {
    const key = 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e';
    const d = diffWithin(cassette([chat([{ role: 'user', content: 'hi' }]), chat([{ role: 'user', content: `my key ${key}` }])]));
    const side = d.interactions[0]!.request!;
    expect(JSON.stringify(side)).not.toContain(key);
    expect(side.summary[0]!.text).toMatch(/sk-p…\(\d+ chars\)/);
  });
});
