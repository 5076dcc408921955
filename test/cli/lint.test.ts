import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { CORPUS, SAMPLES, SEED, hasCorpus, hasSeed } from '../helpers/corpus.js';
import { goVcr } from '../lint/helpers.js';
import { tempTree } from '../helpers/temp-tree.js';

const project = (files: Record<string, string>): string => tempTree('cassette-lint-', files);

const leaky = goVcr([{ headers: '      Authorization:\n      - Bearer sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e\n' }]);
const ratelimited = goVcr([{ status: '429 Too Many Requests', code: '429' }]);

describe('cassette lint', () => {
  it.skipIf(!hasSeed)('passes the seed', () => {
    const r = cli(['lint', SEED]);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe('✔ 1 cassette clean\n');
  });

  it('lists the rules', () => {
    const r = cli(['lint', '--list-rules']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^unsupported-version\s+error\s+schema\s+ {3}\s+the cassette has no version marker/m);
    expect(r.stdout).toMatch(/^secret-header\s+error\s+secret\s+fix\s+/m);
  });

  it('lists the rules to fit an 80-column terminal, descriptions continuing under their column', () => {
    const rows = cli(['lint', '--list-rules'], { env: { COLUMNS: '80' } }).stdout.trimEnd().split('\n');
    expect(Math.max(...rows.map((row) => row.length))).toBeLessThanOrEqual(80);
    expect(rows[1]).toMatch(/^ {42}one its recorder does not write$/);
  });

  it('exits 1 on errors, and never prints the secret', () => {
    const dir = project({ 'cassettes/leak.yaml': leaky });
    const r = cli(['lint', 'cassettes'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('cassettes/leak.yaml\n  10:16  error  request header Authorization holds a credential: authorization sk-p…(48 chars) [#0]  secret-header');
    expect(r.stdout).not.toContain('Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e');
  });

  it('warnings pass unless --max-warnings is exceeded; --quiet hides them', () => {
    const dir = project({ 'c.yaml': ratelimited });
    expect(cli(['lint', 'c.yaml'], { cwd: dir }).status).toBe(0);
    expect(cli(['lint', '--max-warnings', '0', 'c.yaml'], { cwd: dir }).status).toBe(1);
    expect(cli(['lint', '--quiet', 'c.yaml'], { cwd: dir }).stdout).toBe('✔ 1 cassette clean\n');
    expect(cli(['lint', '--rule', 'error-status=error', 'c.yaml'], { cwd: dir }).status).toBe(1);
  });

  it('reads .cassette.json, cassette.config.json and package.json#cassette, upward from the working directory', () => {
    for (const [name, text] of [
      ['.cassette.json', JSON.stringify({ rules: { 'secret-header': 'off' } })],
      ['cassette.config.json', JSON.stringify({ rules: { 'secret-header': 'off' } })],
      ['package.json', JSON.stringify({ name: 'x', cassette: { rules: { 'secret-header': 'off' } } })],
      ['.cassette.json', JSON.stringify({ ignore: ['sub/**'] })],
    ]) {
      const dir = project({ [name!]: text!, 'sub/leak.yaml': leaky });
      expect(cli(['lint', '.'], { cwd: join(dir, 'sub') }).status, name).toBe(0);
    }
  });

  it('exits 2 on a bad config, an unknown formatter, or an unreadable file, and still lints the rest', () => {
    const dir = project({ '.cassette.json': '{"rules": {"nope": "off"}}', 'a.yaml': leaky });
    const bad = cli(['lint', 'a.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^cassette: .*\.cassette\.json: unknown rule "nope"/);
    expect(cli(['lint', '-f', 'xml', SAMPLES]).status).toBe(2);
    const mixed = project({ 'a.yaml': leaky, 'b.yaml': 'version: 2\ninteractions: [\n' });
    const r = cli(['lint', '-f', 'compact', '.'], { cwd: mixed });
    expect(r.status).toBe(2);
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
    expect(r.stdout).toMatch(/^a\.yaml:10:16: error .* \[secret-header\]$/m);
    expect(r.stdout).toMatch(/^error: b\.yaml:3:1: invalid YAML/m);
  });

  it('writes each formatter', () => {
    const dir = project({ 'c.yaml': leaky });
    expect(JSON.parse(cli(['lint', '-f', 'json', 'c.yaml'], { cwd: dir }).stdout)[0].errorCount).toBe(1);
    expect(JSON.parse(cli(['lint', '-f', 'sarif', 'c.yaml'], { cwd: dir }).stdout).version).toBe('2.1.0');
    expect(cli(['lint', '-f', 'github', 'c.yaml'], { cwd: dir }).stdout).toMatch(/^::error file=c\.yaml,line=10,col=16,title=secret-header::/);
  });
});

describe.skipIf(!hasCorpus)('cassette lint over ../shared/corpus', () => {
  it('runs without a crash, reads every HTTP cassette, and finds no secret in placeholders or encrypted blobs', () => {
    const r = cli(['lint', '-f', 'json', CORPUS]);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
    expect(out.length).toBeGreaterThan(260);
    const unreadable = out.filter((f) => f.messages.some((m) => m.ruleId === null));
    expect(unreadable.every((f) => f.messages.some((m) => /not an HTTP cassette/.test(m.message)))).toBe(true);
    const secrets = out.flatMap((f) => f.messages.filter((m) => m.ruleId?.startsWith('secret-')).map((m) => m.message));
    // Placeholders (REDACTED, <API_KEY>, filtered, test-api-key) and infrastructure cookies (__cf_bm, _cfuvid,
    // WMF-Uniq: all the corpus holds) are never reported. The one finding is a real-looking 32-character
    // `datadogServiceMap.apiKey` in the site configuration JSON kept inside a JSON string of a cody recording.
    expect(secrets).toEqual(['response body holds a credential: high-entropy apiKey cdf0…(32 chars) (stored encoded: redact it by re-recording)']);
    // go-vcr request content_length 0 is an unknown length; the two request mismatches left only warn.
    expect(out.flatMap((f) => f.messages).filter((m) => m.ruleId === 'content-length' && (m as { severity?: number }).severity === 2)).toEqual([]);
    expect(out.flatMap((f) => f.messages).filter((m) => m.ruleId === 'secret-body').map((m) => m.message)).toEqual(secrets);
  });
});
