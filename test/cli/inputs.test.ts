import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { CORPUS, ROOT, SAMPLES, hasCorpus } from '../helpers/corpus.js';
import { tempTree } from '../helpers/temp-tree.js';

const GOOD = readFileSync(join(SAMPLES, 'nock/openai-chat.json'), 'utf8');
const WEBSOCKET = 'interactions:\n- kind: message\n  direction: received\n  data: {type: session.created}\nversion: 1\n';
const MIXED_CASE = resolve(ROOT, '../shared/cases/lint/mixed-repo');

const tree = (files: Record<string, string>): string => tempTree('cassette-inputs-', files);

/** A repository as pre-commit sees it: one cassette among files that are not cassettes. */
const mixedRepo = () =>
  tree({
    'package.json': '{ "name": "demo", "version": "1.0.0" }\n',
    '.pre-commit-config.yaml': 'repos:\n  - repo: local\n    hooks: []\n',
    '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
    'tests/fixtures/users.yaml': 'users:\n  - name: Ada\n',
    'tests/cassettes/chat.json': GOOD,
  });

describe('one walk policy for every command', () => {
  it('skips and counts files that are not cassettes in a directory, for show, cost and lint', () => {
    const dir = mixedRepo();
    for (const command of ['show', 'cost', 'lint']) {
      const r = cli([command, dir]);
      expect(r.status, command).toBe(0);
      expect(r.stderr, command).toBe('skipped 4 files that are not cassettes\n');
    }
  });

  it('lint skips explicitly named non-cassettes and exits 0 (what pre-commit passes); show and cost refuse them', () => {
    const dir = mixedRepo();
    const named = [join(dir, 'package.json'), join(dir, 'tests/fixtures/users.yaml')];
    const lint = cli(['lint', ...named]);
    expect(lint).toMatchObject({ status: 0, stdout: '', stderr: 'skipped 2 files that are not cassettes\n' });
    const one = cli(['lint', named[0]!, join(dir, 'tests/cassettes/chat.json')]);
    expect(one).toMatchObject({ status: 0, stderr: 'skipped 1 file that is not a cassette\n' });
    for (const command of ['show', 'cost']) {
      const r = cli([command, named[0]!]);
      expect(r.status, command).toBe(2);
      expect(r.stderr, command).toMatch(/^error: .*package\.json: not a recognised cassette/m);
    }
  });

  it('exits 2 with a clear message for a directory or pattern that holds no cassette', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cassette-empty-'));
    for (const command of ['show', 'cost', 'lint']) {
      const r = cli([command, empty]);
      expect(r.status, command).toBe(2);
      expect(r.stderr + r.stdout, command).toMatch(command === 'lint' ? `${empty}\n  1:1  error  no cassettes in this directory` : `${empty}: no cassettes in this directory`);
    }
    const onlyConfig = tree({ 'package.json': '{}' });
    expect(cli(['show', onlyConfig])).toMatchObject({ status: 2, stderr: `skipped 1 file that is not a cassette\nerror: ${onlyConfig}: no cassettes in this directory\n` });
    const pattern = cli(['show', 'samples/**/*.nothing.json']);
    expect(pattern).toMatchObject({ status: 2, stderr: 'error: samples/**/*.nothing.json: no cassettes match this pattern\n' });
  });

  it('expands a quoted ** pattern itself (sh has no globstar)', () => {
    const r = cli(['cost', '--json', 'samples/**/openai-chat*.json']);
    expect(r.status).toBe(0);
    expect([...new Set((JSON.parse(r.stdout) as { interactions: { path: string }[] }).interactions.map((i) => i.path))]).toEqual(['samples/nock/openai-chat-stream-gzip-chunks.json', 'samples/nock/openai-chat.json']);
  });

  it('skips recordings that hold no HTTP, so a budget over a test tree exits 0 or 1', () => {
    const dir = tree({ 'a/chat.json': GOOD, 'b/realtime.yaml': WEBSOCKET });
    const within = cli(['cost', dir, '--max-cost', '1']);
    expect(within).toMatchObject({ status: 0, stderr: 'skipped 1 recording that holds no HTTP (websocket frames)\n' });
    expect(cli(['cost', dir, '--max-cost', '0.000001']).status).toBe(1);
  });

  it('keeps a file that looks like a cassette but is broken an error', () => {
    const dir = tree({ 'ok.json': GOOD, 'broken.yaml': 'version: 2\ninteractions: 5\n', 'cut.yaml': 'interactions:\n- request: {uri: [' });
    const r = cli(['lint', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/broken\.yaml\n {2}1:1 {2}error {2}has `interactions` like a cassette, but no recorder format matches its shape/);
    expect(r.stdout).toContain('cut.yaml');
  });

  it('skips a FIFO in a directory and refuses a named one at once; the good files are still read', () => {
    const dir = tree({ 'good.json': GOOD });
    const fifo = join(dir, 'a-fifo.yaml');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const walked = cli(['show', dir]);
    expect(walked.status).toBe(0);
    expect(walked.stdout).toContain('good.json  nock · 2 interactions');
    expect(walked.stderr).toBe('skipped 1 entry that cannot be read as files: 1 FIFO\n');
    const named = cli(['show', fifo, join(dir, 'good.json')]);
    expect(named.status).toBe(2);
    expect(named.stdout).toContain('good.json  nock · 2 interactions');
    expect(named.stderr).toBe(`error: ${fifo}: not a regular file (FIFO); use - to read a cassette from standard input\n`);
    expect(cli(['diff', fifo, join(dir, 'good.json')]).stderr).toContain('not a regular file (FIFO)');
  });

  it('never follows a symbolic link loop', () => {
    const dir = tree({ 'sub/good.json': GOOD });
    symlinkSync('..', join(dir, 'sub/up'));
    symlinkSync('self.yaml', join(dir, 'self.yaml'));
    symlinkSync('sub', join(dir, 'again'));
    const r = cli(['show', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/good\.json {2}nock/g)).toHaveLength(1);
    expect(r.stderr).toBe('skipped 3 entries that cannot be read as files: 2 symbolic link loops, 1 duplicate directory link\n');
  });

  it('reads one cassette from standard input with -, for every command', () => {
    expect(cli(['show', '-'], { input: GOOD }).stdout).toMatch(/^<stdin> {2}nock · 2 interactions/);
    expect(JSON.parse(cli(['cost', '--json', '-'], { input: GOOD }).stdout).interactions).toHaveLength(2);
    expect(cli(['lint', '-'], { input: GOOD })).toMatchObject({ status: 0 });
    expect(cli(['diff', '--stat', '-', join(SAMPLES, 'nock/openai-chat.json')], { input: GOOD }).stdout).toMatch(/^<stdin> → .*\n#0 → #0 {4}same/);
    expect(cli(['textconv', '-'], { input: GOOD }).stdout).toContain('nock · 2 interactions');
    expect(cli(['show', '-', '-'], { input: GOOD })).toMatchObject({ status: 2, stderr: 'cassette: - (standard input) can be given only once\n' });
    // diff OLD NEW too: the second read of standard input was an "empty file" error.
    expect(cli(['diff', '-', '-'], { input: GOOD })).toMatchObject({ status: 2, stdout: '', stderr: 'cassette: - (standard input) can be given only once\n' });
    expect(cli(['lint', '--fix', '-'], { input: GOOD }).status).toBe(0);
  });

  it('diff --git skips changed files that are not cassettes', () => {
    const dir = mixedRepo();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'init');
    writeFileSync(join(dir, 'package.json'), '{ "name": "demo", "version": "1.0.1" }\n');
    writeFileSync(join(dir, 'tests/cassettes/chat.json'), GOOD.replace('gpt-4o-mini', 'gpt-4o'));
    const r = cli(['diff', '--git', '--stat'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('skipped 1 file that is not a cassette\n');
    expect(r.stdout).toContain('tests/cassettes/chat.json');
  });
});

describe.skipIf(!existsSync(MIXED_CASE))('../shared/cases/lint/mixed-repo (skipped when ../shared is absent)', () => {
  it('lint of the repository skips the three non-cassettes; the files a hook passes exit 0; an empty directory exits 2', () => {
    const copy = mkdtempSync(join(tmpdir(), 'cassette-mixed-'));
    cpSync(MIXED_CASE, copy, { recursive: true });
    const repo = cli(['lint', '--rule', 'secret-header=off', copy]);
    expect(repo).toMatchObject({ status: 0, stderr: 'skipped 3 files that are not cassettes\n' });
    expect(cli(['lint', join(copy, 'package.json'), join(copy, 'tests/fixtures/users.yaml')])).toMatchObject({ status: 0, stdout: '' });
    expect(cli(['lint', mkdtempSync(join(tmpdir(), 'cassette-empty-'))]).status).toBe(2);
  });
});

describe.skipIf(!hasCorpus)('the corpus as one test tree (skipped when ../shared/corpus is absent)', () => {
  it('cost over all of it exits 0 or 1 with --max-cost, never 2', () => {
    const r = cli(['cost', '--json', CORPUS, '--max-cost', '1000']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('skipped 3 recordings that hold no HTTP (gRPC messages, websocket frames)\n');
    expect(cli(['cost', '--json', CORPUS, '--max-cost', '0.0001']).status).toBe(1);
  });
});
