import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadCassette, openCassette } from '../../src/load.js';
import { renderShowHtml } from '../../src/render/html/page.js';
import { buildHtmlCassette, buildHtmlCassetteStream, type HtmlCassetteReport } from '../../src/show/html-report.js';
import { SAMPLES } from '../helpers/corpus.js';

// show --html reads a cassette one interaction at a time (openCassette), as lint does; these pin
// that the page is the one a whole read (loadCassette) gives, findings' lines included.

const KEY = 'sk-proj-4fT9qLx2Vb8nR1sKd7WmZp3YcHe6JuQa0Gi5';
const N = 200;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** A go-vcr file of `N` interactions, each sending the same key in its Authorization header. */
function manyInteractions(): string {
  let out = 'version: 2\ninteractions:\n';
  for (let n = 0; n < N; n++) {
    out += `- id: ${n}\n  request:\n    body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"q${n}"}]}'\n    headers:\n      Authorization:\n      - Bearer ${KEY}\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n  response:\n    body: '{"id":"c${n}","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"a${n}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12}}'\n    headers:\n      Content-Type:\n      - application/json\n    status: 200 OK\n    code: 200\n    duration: 1s\n`;
  }
  return out;
}

const options = (size: number, only?: Set<number>) => ({ prices: genaiPrices, rules: RULES, fileSize: size, only });
const whole = (bytes: Uint8Array | string, path: string, only?: Set<number>) => buildHtmlCassette(loadCassette(bytes, path), options(bytes.length, only));
const streamed = (bytes: Uint8Array | string, path: string, only?: Set<number>) => buildHtmlCassetteStream(openCassette(bytes, path), options(bytes.length, only));
const page = (r: HtmlCassetteReport) => renderShowHtml({ cassettes: [r], errors: [] }, { generator: 'test' });
const placed = (r: HtmlCassetteReport) => r.findings.map((f) => `${f.ruleId} ${f.interaction} ${f.line}:${f.column} ${f.message}`);

describe('show --html read as a stream', () => {
  const files = walk(SAMPLES).filter((p) => /\.(ya?ml|json|har|httprr)(\.gz)?$/.test(p));

  it.each(files.map((p) => [relative(SAMPLES, p), p]))('%s: the same page and findings as a whole read', (_, path) => {
    const bytes = readFileSync(path);
    let expected: HtmlCassetteReport;
    try {
      expected = whole(bytes, path);
    } catch {
      expect(() => streamed(bytes, path)).toThrow();
      return;
    }
    const got = streamed(bytes, path);
    expect(placed(got)).toEqual(placed(expected));
    expect(got.show.interactions.length).toBe(expected.show.interactions.length);
    expect(page(got)).toBe(page(expected));
  });

  it(`places each of ${N} interactions' findings on that interaction's own line, and keeps every interaction`, () => {
    const text = manyInteractions();
    const lines = text.split('\n').flatMap((l, n) => (l.includes(KEY) ? [n + 1] : []));
    expect(lines).toHaveLength(N);
    const got = streamed(text, 'many.yaml');
    const secrets = got.findings.filter((f) => f.ruleId === 'secret-header');
    expect(secrets.map((f) => f.line)).toEqual(lines);
    expect(secrets.map((f) => f.interaction)).toEqual(Array.from({ length: N }, (_, n) => n));
    expect(got.show.cassette.interactions).toHaveLength(N);
    expect(got.costs.size).toBe(N);
    expect(page(got)).toBe(page(whole(text, 'many.yaml')));
  });

  it('-i keeps the cassette\'s count and shows, costs and lists findings for the chosen interactions only', () => {
    const text = manyInteractions();
    const got = streamed(text, 'many.yaml', new Set([3, 7]));
    expect(got.show.cassette.interactions).toHaveLength(N);
    expect(got.show.interactions.map((s) => s.interaction.index)).toEqual([3, 7]);
    expect([...new Set(got.findings.map((f) => f.interaction))]).toEqual([3, 7]);
    expect(page(got)).toBe(page(whole(text, 'many.yaml', new Set([3, 7]))));
  });
});
