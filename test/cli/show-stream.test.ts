import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette, openCassette } from '../../src/load.js';
import { buildShowReport } from '../../src/show/build.js';
import { cassetteJson } from '../../src/render/show-json.js';
import { cli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/corpus.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const item = (n: number) => `    - id: ${n}
      request:
        body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi ${n}"}]}'
        headers:
            Content-Type:
                - application/json
        url: https://api.openai.com/v1/chat/completions
        method: POST
      response:
        body: '{"choices":[{"index":0,"message":{"role":"assistant","content":"hello ${n}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2}}'
        headers:
            Content-Type:
                - application/json
        status: 200 OK
        code: 200
        duration: 120ms
`;

describe('openCassette (interactions one at a time)', () => {
  it.each(walk(SAMPLES))('maps %s to the same interactions as loadCassette', (path) => {
    const bytes = readFileSync(path);
    const stream = openCassette(bytes, path);
    const loaded = loadCassette(bytes, path);
    const streamed = [...stream.interactions()];
    expect(stream.interactionCount).toBe(loaded.interactions.length);
    expect(streamed).toEqual(loaded.interactions);
    expect(stream.cassette.format).toBe(loaded.format);
    expect(stream.cassette.warnings).toEqual(loaded.warnings);
  });
});

describe('show --json streams', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-stream-'));

  it('prints the same document as the whole-file report', () => {
    const path = join(dir, 'three.yaml');
    writeFileSync(path, `---\nversion: 2\ninteractions:\n${item(0)}${item(1)}${item(2)}`);
    const result = cli(['show', '--json', path]);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as { cassettes: Record<string, unknown>[] };
    const expected = cassetteJson(buildShowReport(loadCassette(readFileSync(path), path)), { mask: true, headers: false });
    expect(printed.cassettes[0]).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('keeps valid JSON when a file breaks midway: what was read, marked incomplete, and the error', () => {
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, `---\nversion: 2\ninteractions:\n${item(0)}${item(1)}    - id: 2\n      request: {url: "unterminated\n`);
    const result = cli(['show', '--json', path]);
    expect(result.status).toBe(2);
    const printed = JSON.parse(result.stdout) as { cassettes: { incomplete?: boolean; interactions: unknown[] }[]; errors: { path: string; message: string }[] };
    expect(printed.cassettes[0]?.interactions).toHaveLength(2);
    expect(printed.cassettes[0]?.incomplete).toBe(true);
    expect(printed.errors[0]?.message).toMatch(/broken\.yaml:\d+:\d+: invalid YAML/);
    expect(result.stderr).toMatch(/^error: .*broken\.yaml/m);
  });
});
