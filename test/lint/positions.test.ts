import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCassette, lintStream } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadCassette, openCassette } from '../../src/load.js';
import { CORPUS, hasCorpus, SAMPLES } from '../helpers/corpus.js';

const KEY = 'sk-proj-4fT9qLx2Vb8nR1sKd7WmZp3YcHe6JuQa0Gi5';
const N = 300;

function harEntry(n: number): object {
  return {
    startedDateTime: '2025-09-24T07:20:31.000Z',
    time: 12,
    request: { method: 'POST', url: `https://api.openai.com/v1/chat/completions?n=${n}`, httpVersion: 'HTTP/1.1', headers: [{ name: 'authorization', value: `Bearer ${KEY}` }], queryString: [], cookies: [], headersSize: -1, bodySize: 2, postData: { mimeType: 'application/json', text: `{"n":${n}}` } },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'content-type', value: 'application/json' }], cookies: [], content: { mimeType: 'application/json', size: 2, text: '{}' }, redirectURL: '', headersSize: -1, bodySize: -1 },
  };
}

function nockDef(n: number): object {
  return { scope: 'https://api.openai.com:443', method: 'POST', path: `/v1/chat/completions?n=${n}`, body: { n }, status: 200, response: {}, reqheaders: { authorization: `Bearer ${KEY}` }, rawHeaders: ['Content-Type', 'application/json'] };
}

/** 1-based line of every occurrence of `needle`. */
function linesOf(text: string, needle: string): number[] {
  const lines: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) lines.push(text.slice(0, at).split('\n').length);
  return lines;
}

const files = {
  har: JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: Array.from({ length: N }, (_, n) => harEntry(n)) } }, null, 2),
  nock: JSON.stringify(Array.from({ length: N }, (_, n) => nockDef(n)), null, 2),
};

describe('every finding is placed on its own interaction', () => {
  it.each(Object.entries(files))('a %s file with the same key in every one of 300 entries', (_, text) => {
    const expected = linesOf(text, KEY);
    expect(expected).toHaveLength(N);
    for (const findings of [lintStream(openCassette(text, 'many'), RULES, new Map(), text.length), lintCassette(loadCassette(text, 'many'), RULES, new Map(), text.length)]) {
      const secrets = findings.filter((f) => f.ruleId === 'secret-header');
      expect(secrets.map((f) => f.interaction)).toEqual(Array.from({ length: N }, (_, n) => n));
      expect(secrets.map((f) => f.line)).toEqual(expected);
      // Each fix redacts its own interaction's key, once: linear, not one edit per key per finding.
      expect(secrets.map((f) => f.fix?.length)).toEqual(Array.from({ length: N }, () => 1));
      expect(secrets.map((f) => text.slice(f.fix![0]!.start, f.fix![0]!.end))).toEqual(Array.from({ length: N }, () => KEY));
    }
  });
});

// The same key in the request body and in the X-Api-Key header: each finding at its own field.
const twice = {
  'go-vcr': `version: 2\ninteractions:\n- id: 0\n  request:\n    body: '{"model":"gpt-4o-mini","api_key":"${KEY}"}'\n    headers:\n      Content-Type:\n      - application/json\n      X-Api-Key:\n      - ${KEY}\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n  response:\n    body: '{}'\n    headers: {}\n    status: 200 OK\n    code: 200\n    duration: 1s\n`,
  har: JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [{ ...harEntry(0), request: { ...(harEntry(0) as { request: object }).request, headers: [{ name: 'X-Api-Key', value: KEY }], postData: { mimeType: 'application/json', text: `{"api_key":"${KEY}"}` } } }] } }, null, 2),
  nock: JSON.stringify([{ ...nockDef(0), body: { api_key: KEY }, reqheaders: { 'X-Api-Key': KEY } }], null, 2),
};

describe('a secret repeated in two fields', () => {
  it.each(Object.entries(twice))('%s: secret-body points at the body, secret-header at the header', (_, text) => {
    const [bodyLine, headerLine] = [text.split('\n').findIndex((l) => l.includes(KEY) && l.includes('api_key')) + 1, text.split('\n').findIndex((l) => l.includes(KEY) && !l.includes('api_key')) + 1];
    expect(bodyLine).toBeGreaterThan(0);
    expect(headerLine).toBeGreaterThan(0);
    for (const findings of [lintStream(openCassette(text, 'twice'), RULES, new Map(), text.length), lintCassette(loadCassette(text, 'twice'), RULES, new Map(), text.length)]) {
      expect(findings.filter((f) => f.ruleId === 'secret-body').map((f) => f.line)).toEqual([bodyLine]);
      expect(findings.filter((f) => f.ruleId === 'secret-header').map((f) => f.line)).toEqual([headerLine]);
    }
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ya?ml|json|har|httprr)(\.gz)?$/.test(name) && name !== 'MANIFEST.tsv' ? [path] : [];
  });
}

// file-size set to fire on every file: its finding is placed at the document's root, from the head.
const SETTINGS = new Map([['file-size', { severity: 'warn' as const, options: { maxBytes: 1 } }]]);

/** Findings of a streamed lint and of a whole-file lint of the same bytes. */
function bothWays(path: string) {
  const bytes = readFileSync(path);
  const run = (load: () => Parameters<typeof lintStream>[0]) => {
    try {
      return lintStream(load(), RULES, SETTINGS, bytes.length);
    } catch (error) {
      return (error as Error).message;
    }
  };
  return { streamed: run(() => openCassette(bytes, path)), whole: run(() => { const c = loadCassette(bytes, path); return { cassette: c, interactionCount: c.interactions.length, interactions: () => c.interactions }; }) };
}

describe('streamed lint equals whole-file lint', () => {
  it.each(walk(SAMPLES))('%s', (path) => {
    const { streamed, whole } = bothWays(path);
    expect(streamed).toEqual(whole);
  });

  it.skipIf(!hasCorpus)('on every corpus file', () => {
    const differ = walk(CORPUS).filter((path) => {
      const { streamed, whole } = bothWays(path);
      return JSON.stringify(streamed) !== JSON.stringify(whole);
    });
    expect(differ).toEqual([]);
  }, 300_000);
});

describe('a frozen cassette', () => {
  // The views each rule sees are set by assignment when they can be; a read-only cassette's are set as descriptors.
  it.each(walk(SAMPLES).slice(0, 12))('%s lints as the same cassette not frozen', (path) => {
    const bytes = readFileSync(path);
    const lint = (freeze: boolean) => {
      const c = loadCassette(bytes, path);
      return lintCassette(freeze ? Object.freeze(c) : c, RULES, SETTINGS, bytes.length);
    };
    expect(lint(true)).toEqual(lint(false));
  });
});
