import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../src/cli/capture.js';
import { ROOT } from '../helpers/corpus.js';

/** The hand-made hostile cases in ../shared/cases/hostile (README.md there says what is right). */
const CASES = resolve(ROOT, '../shared/cases/hostile');
const hasCases = existsSync(join(CASES, 'README.md'));
if (!hasCases) console.warn(`[cassette tests] ${CASES} not found: the shared hostile cases are skipped (test/hostile/*.test.ts still cover each kind)`);
const c = (name: string) => join(CASES, name);

const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const INTERNAL = /internal error|Maximum call stack|undefined|\[object Object\]/;

describe.skipIf(!hasCases)('shared hostile cases', () => {
  it.each([['show'], ['show', '--json'], ['cost'], ['lint'], ['diff'], ['textconv']])('alias-bomb-headers.yaml: %s is a clear error at the alias limit', async (...cmd) => {
    const r = await runCaptured([...cmd, c('alias-bomb-headers.yaml')]);
    expect(r.status).toBe(cmd[0] === 'textconv' ? 0 : 2); // textconv prints an unreadable file as it is, for git
    if (cmd[0] !== 'textconv') expect(r.stdout + r.stderr).toMatch(/alias-bomb-headers\.yaml[\s\S]*alias expansion limit/);
  });

  it.each([
    ['deep-nock-body.json', ['show']],
    ['deep-nock-body.json', ['show', '--json']],
    ['deep-nock-body.json', ['cost']],
    ['deep-nock-body.json', ['lint']],
    ['deep-json-response-body.yaml', ['show', '--raw']],
    ['deep-json-response-body.yaml', ['diff']],
    ['deep-json-request-body.yaml', ['diff']],
    ['deep-json-request-body.yaml', ['diff', '--json']],
    ['deep-json-request-body.yaml', ['show', '--raw', '--full']],
  ])('%s: %j loads, no stack overflow', async (file, cmd) => {
    const r = await runCaptured([...cmd, c(file)]);
    expect([0, 1]).toContain(r.status);
    expect(r.stdout + r.stderr).not.toMatch(INTERNAL);
  });

  it('uri-malformed.yaml: cost gives costs, no internal error', async () => {
    const text = await runCaptured(['cost', c('uri-malformed.yaml')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('gpt-4o');
    const json = await runCaptured(['cost', '--json', c('uri-malformed.yaml')]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).interactions).toHaveLength(1);
    expect(text.stderr + json.stderr).not.toMatch(INTERNAL);
  });

  it.each([[['show']], [['show', '--json']], [['textconv']]])('line-undefined-warning.yaml: %j names a real line', async (cmd) => {
    const r = await runCaptured([...cmd, c('line-undefined-warning.yaml')]);
    expect(r.stdout + r.stderr).not.toMatch(/line undefined|: undefined/);
    if (cmd[0] === 'show') expect(r.stdout + r.stderr).toMatch(/line 2: event data is not JSON/);
  });

  it.each([
    ['escape-content-type.yaml', ['show']],
    ['escape-content-type.yaml', ['show', '--headers', '--raw']],
    ['escape-content-type.yaml', ['textconv']],
    ['escape-model-name.json', ['cost', '--csv']],
    ['escape-model-name.json', ['cost', '--markdown']],
    ['escape-model-name.json', ['cost']],
    ['escape-model-name.json', ['diff', '--markdown']],
    ['escape-model-name.json', ['show']],
  ])('%s: %j shows control characters visibly', async (file, cmd) => {
    const r = await runCaptured([...cmd, c(file)]);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    // Markdown summaries may leave the field out; where it is shown, it is shown escaped.
    if (!cmd.includes('--markdown')) expect(r.stdout).toMatch(/\\(x1b|u001b)\[41m/);
  });

  it('redos-prices.json: the 9-star glob is matched in linear time', async () => {
    const r = await runCaptured(['cost', '--json', '--price-file', c('redos-prices.json'), c('redos-model.json')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).interactions[0].model).toBe('a'.repeat(40));
  });

  it('dup-header-secret.yaml: both Authorization values checked, the key redacted by --fix', async () => {
    const lint = await runCaptured(['lint', '-f', 'json', c('dup-header-secret.yaml')]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('secret-text');
    const d = mkdtempSync(join(tmpdir(), 'cassette-case-'));
    try {
      copyFileSync(c('dup-header-secret.yaml'), join(d, 'c.yaml'));
      expect((await runCaptured(['lint', '--fix', join(d, 'c.yaml')])).status).toBe(0);
      expect(readFileSync(join(d, 'c.yaml'), 'utf8')).not.toContain('sk-proj');
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it.each([['fix-bom.json'], ['fix-invalid-utf8.yaml']])('%s: --fix on a copy redacts the key and keeps every other byte', async (name) => {
    const d = mkdtempSync(join(tmpdir(), 'cassette-case-'));
    try {
      const copy = join(d, name);
      copyFileSync(c(name), copy);
      expect((await runCaptured(['lint', '--fix', copy])).status).toBe(0);
      const before = readFileSync(c(name)).toString('latin1');
      const key = /sk-proj-[A-Za-z0-9]+/.exec(before)![0];
      expect(readFileSync(copy).toString('latin1')).toBe(before.split(key).join('REDACTED'));
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('broken.json: --fix-dry-run gives the error lint gives, exit 2', async () => {
    const r = await runCaptured(['lint', '--fix-dry-run', c('broken.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json:1:2: invalid JSON/);
  });

  it.skipIf(process.platform === 'win32')('symlink-fix.sh: the link stays a link and the real file loses the key', () => {
    const r = spawnSync('sh', [c('symlink-fix.sh')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toContain('link kept');
    expect(r.stdout).toContain('key removed from the real file');
    expect(r.stdout).not.toContain('FAIL');
  });
});
