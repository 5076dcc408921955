import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeColorArgs } from '../../src/cli/color-args.js';
import { cli } from '../helpers/cli.js';
import { goVcr } from '../lint/helpers.js';
import { tempTree } from '../helpers/temp-tree.js';
import { SAMPLES } from '../helpers/corpus.js';

const KEY = 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e';
const NEW_KEY = 'sk-proj-Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn7';
const leaky = (key: string) => goVcr([{ headers: `      Authorization:\n      - Bearer ${key}\n` }]);
const warnOnly = goVcr([{ status: '429 Too Many Requests', code: '429' }]);

const project = (files: Record<string, string>): string => tempTree('cassette-lint-options-', files);

describe('lint options as in ESLint and gitleaks', () => {
  it('-f/--format picks the formatter (--formatter still works); a recorder id there says to use --recorder', () => {
    const dir = project({ 'c/a.yaml': leaky(KEY) });
    expect(JSON.parse(cli(['lint', '-f', 'json', 'c'], { cwd: dir }).stdout)[0].errorCount).toBe(1);
    expect(JSON.parse(cli(['lint', '--format', 'json', 'c'], { cwd: dir }).stdout)[0].errorCount).toBe(1);
    expect(JSON.parse(cli(['lint', '--formatter', 'json', 'c'], { cwd: dir }).stdout)[0].errorCount).toBe(1);
    const wrong = cli(['lint', '--format', 'go-vcr', 'c'], { cwd: dir });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('"go-vcr" is a recorder format: use --recorder go-vcr');
    expect(cli(['lint', '--recorder', 'go-vcr', '-f', 'compact', 'c'], { cwd: dir }).stdout).toContain('secret-header');
  });

  it('--recorder in every command; --format ID still picks the recorder in show, cost and diff, with a note', () => {
    const dir = project({ 'a.yaml': goVcr([{}]) });
    for (const command of ['show', 'cost']) {
      const old = cli([command, '--format', 'go-vcr', 'a.yaml'], { cwd: dir });
      expect(old.status, command).toBe(0);
      expect(old.stderr).toContain(`--format go-vcr is deprecated for ${command}; use --recorder go-vcr`);
      const now = cli([command, '--recorder', 'go-vcr', 'a.yaml'], { cwd: dir });
      expect([now.status, now.stderr], command).toEqual([0, '']);
    }
    expect(cli(['diff', '--recorder', 'go-vcr', 'a.yaml', 'a.yaml'], { cwd: dir }).status).toBe(0);
    expect(cli(['textconv', '--recorder', 'go-vcr', 'a.yaml'], { cwd: dir }).status).toBe(0);
  });

  it('--max-warnings -1 means no limit; below -1 is a usage error', () => {
    const dir = project({ 'w.yaml': warnOnly });
    expect(cli(['lint', '--max-warnings', '-1', 'w.yaml'], { cwd: dir }).status).toBe(0);
    expect(cli(['lint', '--max-warnings', '0', 'w.yaml'], { cwd: dir }).status).toBe(1);
    const bad = cli(['lint', '--max-warnings', '-2', 'w.yaml'], { cwd: dir });
    expect([bad.status, bad.stderr]).toEqual([2, 'cassette: --max-warnings needs a whole number (-1: no limit), got "-2"\n']);
  });

  it('--color always|never|auto, with = or a space, beside --color and --no-color', () => {
    const dir = project({ 'a.yaml': leaky(KEY) });
    expect(cli(['lint', '--color=always', 'a.yaml'], { cwd: dir }).stdout).toMatch(/\x1b\[/);
    expect(cli(['lint', '--color', 'always', 'a.yaml'], { cwd: dir }).stdout).toMatch(/\x1b\[/);
    expect(cli(['lint', '--color', 'never', 'a.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(cli(['lint', '--color=auto', 'a.yaml'], { cwd: dir }).stdout).not.toMatch(/\x1b\[/);
    expect(cli(['lint', '--color', 'a.yaml'], { cwd: dir }).stdout).toMatch(/\x1b\[/);
    const bad = cli(['lint', '--color=sometimes', 'a.yaml'], { cwd: dir });
    expect([bad.status, bad.stderr]).toEqual([2, 'cassette: --color takes always, never or auto, got "sometimes"\n']);
    expect(normalizeColorArgs(['lint', '--', '--color=x'])).toEqual(['lint', '--', '--color=x']);
  });

  it('--color followed by a word that is no path is a usage error, not a missing file; a path or a revision stays', () => {
    const dir = project({ 'a.yaml': leaky(KEY), maybe: leaky(KEY) });
    for (const command of ['lint', 'show', 'cost']) {
      const bad = cli([command, '--color', 'sometimes', 'a.yaml'], { cwd: dir });
      expect([bad.status, bad.stderr], command).toEqual([2, 'cassette: --color takes always, never or auto, got "sometimes"\n']);
    }
    // a file named like a word is still a file
    expect(cli(['lint', '--color', 'maybe'], { cwd: dir }).stdout).toMatch(/\x1b\[/);
    expect(normalizeColorArgs(['diff', '--git', '--color', 'main'], () => false)).toEqual(['diff', '--git', '--color', 'main']);
  });
});

describe('--config - and --baseline - read standard input', () => {
  const file = join(SAMPLES, 'go-vcr-v2/openai-chat-stream-text.yaml');
  it('reads the config or the baseline from standard input, and refuses - twice', () => {
    const config = cli(['lint', '--config', '-', file], { input: JSON.stringify({ rules: { 'secret-header': 'off' } }) });
    expect([config.status, config.stderr]).toEqual([0, '']);
    const baseline = cli(['lint', '--baseline', '-', file], { input: JSON.stringify({ version: 1, findings: [] }) });
    expect([baseline.status, baseline.stderr]).toEqual([0, '']);
    const twice = cli(['lint', '--config', '-', '-'], { input: '{}' });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('- (standard input) can be given only once');
  });
});

describe('baseline and allow list', () => {
  it('--write-baseline records the findings (never the secret); --baseline then reports only new ones, across a re-recording', () => {
    const dir = project({ 'tests/cassettes/old.yaml': leaky(KEY) });
    const write = cli(['lint', '--write-baseline', '.cassette-baseline.json', 'tests'], { cwd: dir });
    expect([write.status, write.stderr]).toEqual([0, 'cassette: wrote 1 finding (1 fingerprint) to .cassette-baseline.json\n']);
    // stdout says what was done, not that the findings it just recorded are gone.
    expect(write.stdout).toBe('✔ wrote baseline with 1 finding from 1 cassette\n');
    const text = readFileSync(join(dir, '.cassette-baseline.json'), 'utf8');
    expect(text).not.toContain(KEY.slice(8));
    expect(JSON.parse(text).findings[0]).toMatchObject({ rule: 'secret-header', file: 'tests/cassettes/old.yaml', request: 'POST https://api.openai.com/v1/chat/completions', field: 'request.headers.authorization', count: 1 });

    // Re-recorded: another key, another line. Still the baselined finding.
    writeFileSync(join(dir, 'tests/cassettes/old.yaml'), `# re-recorded\n${leaky(NEW_KEY)}`);
    const same = cli(['lint', '--baseline', '.cassette-baseline.json', 'tests'], { cwd: dir });
    expect([same.status, same.stderr]).toEqual([0, 'cassette: 1 finding in baseline .cassette-baseline.json\n']);

    writeFileSync(join(dir, 'tests/cassettes/new.yaml'), leaky(KEY));
    const added = cli(['lint', '--baseline', '.cassette-baseline.json', 'tests'], { cwd: dir });
    expect(added.status).toBe(1);
    expect(added.stdout).toContain('tests/cassettes/new.yaml');
    expect(added.stdout).not.toContain('old.yaml');

    const missing = cli(['lint', '--baseline', 'nope.json', 'tests'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^cassette: nope\.json: cannot read baseline \(ENOENT\)/);
  });

  it('--write-baseline naming one of the linted files is refused (exit 2) and the cassette kept', () => {
    const dir = project({ 'tests/cassettes/old.yaml': leaky(KEY) });
    const before = readFileSync(join(dir, 'tests/cassettes/old.yaml'), 'utf8');
    for (const inputs of [['tests/cassettes/old.yaml'], ['tests']]) {
      const r = cli(['lint', '--write-baseline', 'tests/cassettes/old.yaml', ...inputs], { cwd: dir });
      expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'cassette: tests/cassettes/old.yaml: is one of the input files; the baseline would overwrite it\n']);
    }
    expect(readFileSync(join(dir, 'tests/cassettes/old.yaml'), 'utf8')).toBe(before);
  });

  it('--write-baseline - is refused (exit 2), never a file named -', () => {
    const dir = project({ 'tests/cassettes/old.yaml': leaky(KEY) });
    const r = cli(['lint', '--write-baseline', '-', 'tests'], { cwd: dir });
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'cassette: --write-baseline needs a file name (standard output has no folder for the paths in it)\n']);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('reads `baseline` and `allow` from the config, so the hook needs no arguments', () => {
    const cookie = goVcr([{ responseExtra: '' }]).replace('    status: 200 OK', '      Set-Cookie:\n      - lb_route=Qm9vdGgtMTIzNDU2Nzg5MGFiY2RlZmdo\n    status: 200 OK');
    const dir = project({ 'tests/cassettes/a.yaml': cookie, 'tests/cassettes/b.yaml': leaky(KEY) });
    expect(cli(['lint', '--write-baseline', 'tests/baseline.json', 'tests/cassettes/b.yaml'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, '.cassette.json'), JSON.stringify({ baseline: 'tests/baseline.json', allow: [{ rule: 'secret-header', field: 'response.headers.set-cookie.lb_route', reason: 'our load balancer' }] }));
    const r = cli(['lint', 'tests/cassettes/a.yaml', 'tests/cassettes/b.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('1 finding allowed by');
    expect(r.stderr).toContain('1 finding in baseline');
    writeFileSync(join(dir, '.cassette.json'), JSON.stringify({ allow: [{ rule: 'no-such-rule' }] }));
    expect(cli(['lint', 'tests'], { cwd: dir }).stderr).toMatch(/\.cassette\.json: allow\[0\]: unknown rule "no-such-rule"/);
  });
});
