import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { diffCassettes, diffWithin, maskedUrl, pathIdPairs } from '../../src/diff/compare.js';
import { loadCassette } from '../../src/load.js';
import { fastPaths } from '../../src/diff/fast-paths.js';
import { diffHeaders } from '../../src/diff/headers-diff.js';
import { diffJson } from '../../src/diff/json-diff.js';
import { type Side, sideOf } from '../../src/diff/side.js';
import { itemOf } from '../../src/diff/summary.js';
import { urlParts } from '../../src/diff/url-parts.js';
import { cohere } from '../../src/providers/cohere.js';
import type { Cassette, Interaction } from '../../src/model/types.js';
import type { Header } from '../../src/model/types.js';
import { maskUrl } from '../../src/secrets/mask.js';

/** What `run` gives with the fast path switched off: the slow path it stands for. */
function slow<T>(name: keyof typeof fastPaths, run: () => T): T {
  fastPaths[name] = false;
  try {
    return run();
  } finally {
    fastPaths[name] = true;
  }
}

afterEach(() => {
  fastPaths.identicalSubtrees = true;
  fastPaths.sameHeaders = true;
  fastPaths.samePath = true;
  fastPaths.lazyLlm = true;
});

/** `run` with every fast path off. */
function allSlow<T>(run: () => T): T {
  const names = Object.keys(fastPaths) as (keyof typeof fastPaths)[];
  for (const name of names) fastPaths[name] = false;
  try {
    return run();
  } finally {
    for (const name of names) fastPaths[name] = true;
  }
}

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../samples');
const sampleFiles = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(SAMPLES, f)).isFile()).sort();
function sample(file: string): Cassette | undefined {
  try {
    return loadCassette(readFileSync(join(SAMPLES, file)), file);
  } catch {
    return undefined;
  }
}

// Few distinct leaves (an id, -0 beside 0), so the two sides are often the same in part.
const leaf = fc.constantFrom<unknown>('a', 'b', 'call_abc123', 'call_xyz789', '{"k": 1}', 0, -0, 1, null, true);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('id', 'content', 'role', 'name', 'x'), tie('value'), { maxKeys: 3 })),
}));
const tool = fc.record({ type: fc.constant('function'), function: fc.record({ name: fc.constantFrom('read', 'write', 'list'), parameters: value }) });
const body = fc.record({ model: fc.constantFrom('m1', 'm2'), messages: fc.array(value, { maxLength: 4 }), tools: fc.array(tool, { maxLength: 3 }), required: fc.array(leaf, { maxLength: 3 }), x: value }, { requiredKeys: [] });

/** Every place in a value that holds another: [container, key]. */
function slots(v: unknown, out: [Record<string | number, unknown>, string | number][] = []): [Record<string | number, unknown>, string | number][] {
  if (typeof v !== 'object' || v === null) return out;
  for (const key of Object.keys(v)) {
    const k = Array.isArray(v) ? Number(key) : key;
    out.push([v as Record<string | number, unknown>, k]);
    slots((v as Record<string, unknown>)[key], out);
  }
  return out;
}

// The second side: a copy (new objects, the same JSON), or a copy with one place replaced.
const pair = fc.oneof(
  fc.tuple(body, body),
  body.map((b) => [b, structuredClone(b)] as const),
  fc.tuple(body, fc.nat(), value).map(([b, at, v]) => {
    const copy = structuredClone(b);
    const places = slots(copy);
    if (places.length > 0) {
      const [container, key] = places[at % places.length]!;
      container[key] = v;
    }
    return [b, copy] as const;
  }),
);

describe('fast paths give what the slow path gives', () => {
  it('diffJson skipping identical subtrees', () => {
    fc.assert(
      fc.property(pair, ([before, after]) => {
        expect(diffJson(before, after)).toEqual(slow('identicalSubtrees', () => diffJson(before, after)));
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it('diffHeaders on lists of the same headers', () => {
    const header = fc.record({ name: fc.constantFrom('Content-Type', 'content-type', 'Accept', 'Authorization', 'X-Title', 'Date', 'X-Other'), value: fc.constantFrom('a', 'b', 'application/json', 'Bearer sk-proj-4fT9qLx2Vb8nR1sKd7WmZp3YcHe6JuQa0Gi5') });
    const headers = fc.array(header, { maxLength: 5 });
    const pairs = fc.oneof(fc.tuple(headers, headers), headers.map((h) => [h, h.map((x) => ({ ...x }))] as const), headers.map((h) => [h, [...h].reverse()] as const));
    fc.assert(
      fc.property(pairs, fc.constantFrom<'request' | 'response'>('request', 'response'), ([a, b], where) => {
        expect(diffHeaders(a as Header[], b as Header[], where)).toEqual(slow('sameHeaders', () => diffHeaders(a as Header[], b as Header[], where)));
      }),
      { seed: 18, numRuns: 1000 },
    );
  });

  it("maskedUrl is maskUrl, whatever URL came before", () => {
    const url = fc.constantFrom('https://api.openai.com/v1/chat/completions', 'https://x.test/v1/models/m:generateContent?key=AIzaSyA1234567890abcdefghijklmnopqrstuv', 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX', 'not a url');
    fc.assert(
      fc.property(fc.array(url, { maxLength: 6 }), (urls) => {
        for (const u of urls) expect(maskedUrl(u)).toBe(maskUrl(u));
      }),
      { seed: 18, numRuns: 200 },
    );
  });

  it('pathIdPairs on equal paths', () => {
    const url = fc.constantFrom('https://a.test/v1/threads/thread_abc123/runs', 'https://a.test/v1/threads/thread_xyz789/runs', 'https://a.test/v1/threads/thread_abc123/runs?x=1', 'https://b.test/v1/models', 'https://b.test/v1/models/', 'relative/path');
    fc.assert(
      fc.property(url, url, (x, y) => {
        const [a, b] = [{ url: urlParts(x) }, { url: urlParts(y) }] as Side[];
        expect(pathIdPairs(a!, b!)).toEqual(slow('samePath', () => pathIdPairs(a!, b!)));
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it('itemOf is the match of ^key\\[(\\d+)\\]$', () => {
    const key = fc.constantFrom('messages', 'input', 'contents', 'model', 'a.b');
    const path = fc.tuple(key, fc.constantFrom('', '[0]', '[12]', '[1].content', '[x]', '[3]\n', '.role', 'x[2]', '[]')).map(([k, rest]) => k + rest);
    fc.assert(
      fc.property(path, key, (p, k) => {
        const slowMatch = new RegExp(`^${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[(\\d+)\\]$`).exec(p);
        expect(itemOf(p, k)?.[1]).toBe(slowMatch?.[1]);
        expect(itemOf(p, k) === null).toBe(slowMatch === null);
      }),
      { seed: 18, numRuns: 500 },
    );
  });

  it("cohere's detect looks at the path (pathOf's memo) before parsing the URL", () => {
    // What detect did before: the URL parsed for every interaction.
    const parsed = (url: string) => {
      try {
        const u = new URL(url);
        return /(^|\.)cohere\.(com|ai)$/.test(u.hostname) && /\/v[12]\/(chat|generate)\/?$/.test(u.pathname);
      } catch {
        return false;
      }
    };
    const url = fc.constantFrom('https://api.cohere.com/v2/chat', 'https://api.cohere.ai/v1/generate/', 'https://api.cohere.com/v2/chat?x=1', 'https://cohere.com.evil.test/v2/chat', 'https://api.openai.com/v1/chat/completions', 'http://[bad/v2/chat', '/v1/chat', 'https://api.cohere.com/v3/chat');
    fc.assert(
      fc.property(fc.array(url, { maxLength: 5 }), (urls) => {
        for (const u of urls) expect(cohere.detect({ request: { url: u } } as Interaction)).toBe(parsed(u));
      }),
      { seed: 18, numRuns: 200 },
    );
  });

  it('diff FILE and OLD NEW on every sample, with every fast path off', () => {
    const cassettes = sampleFiles.map(sample).filter((c): c is Cassette => c !== undefined);
    expect(cassettes.length).toBeGreaterThan(20);
    for (const [k, c] of cassettes.entries()) {
      expect(diffWithin(c)).toEqual(allSlow(() => diffWithin(c)));
      const next = cassettes[(k + 1) % cassettes.length]!;
      expect(diffCassettes(c, next)).toEqual(allSlow(() => diffCassettes(c, next)));
    }
  });

  it('a side works out its LLM meaning on first use, as sideOf did at once', () => {
    const cassettes = sampleFiles.map(sample).filter((c): c is Cassette => c !== undefined);
    for (const c of cassettes) {
      for (const options of [{ response: false }, {}]) {
        const lazy = c.interactions.map((i) => sideOf(i, options));
        const eager = allSlow(() => c.interactions.map((i) => sideOf(i, options)));
        expect(lazy.map((s) => [s.llm, s.model])).toEqual(eager.map((s) => [s.llm, s.model]));
      }
    }
  });
});
