import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { worktreeBlobs } from '../../src/cli/git.js';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';

const BIN = join(ROOT, 'bin/cassette.js');
const BUNDLE = resolve(ROOT, '../shared/cases/diff/gitrepo.bundle');
const hasBundle = existsSync(BUNDLE);
if (!hasBundle) console.warn(`[cassette tests] ${BUNDLE} not found: the handed --git case is skipped`);

const ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...ENV } });

/** A VCR.py cassette with one chat call. */
function cassette(model: string, prompt: string, answer: string, id = 'chatcmpl-1'): string {
  const body = JSON.stringify({ model, messages: [{ role: 'user', content: prompt }] });
  const response = JSON.stringify({ id, object: 'chat.completion', created: 1, model, choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } });
  return `interactions:\n- request:\n    body: '${body}'\n    headers:\n      Content-Type:\n      - application/json\n    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n  response:\n    body:\n      string: '${response}'\n    headers:\n      Content-Type:\n      - application/json\n    status:\n      code: 200\n      message: OK\nversion: 1\n`;
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** A repository whose HEAD re-records cassettes: odd names added and deleted, a model bump, re-minted ids, a manifest and a workflow. */
function reRecordRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-git-'));
  git(dir, 'init', '-q');
  write(dir, 'package.json', '{"name": "x"}\n');
  write(dir, '.github/workflows/ci.yml', 'on: push\n');
  for (const n of [1, 2, 3]) write(dir, `cassettes/bump-${n}.yaml`, cassette('gpt-4o', `q${n}`, 'a'));
  for (const n of [1, 2]) write(dir, `cassettes/same-${n}.yaml`, cassette('gpt-4o', `s${n}`, 'a', 'chatcmpl-old'));
  write(dir, 'cassettes/test_weather[gpt-4o].yaml', cassette('gpt-4o', 'weather', 'sunny'));
  write(dir, 'cassettes/old name with spaces.yaml', cassette('gpt-4o', 'old', 'x'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  write(dir, 'package.json', '{"name": "y"}\n');
  write(dir, '.github/workflows/ci.yml', 'on: [push, pull_request]\n');
  for (const n of [1, 2, 3]) write(dir, `cassettes/bump-${n}.yaml`, cassette('gpt-4.1', `q${n}`, 'a'));
  for (const n of [1, 2]) write(dir, `cassettes/same-${n}.yaml`, cassette('gpt-4o', `s${n}`, 'a', 'chatcmpl-new'));
  rmSync(join(dir, 'cassettes/test_weather[gpt-4o].yaml'));
  rmSync(join(dir, 'cassettes/old name with spaces.yaml'));
  write(dir, 'cassettes/test_new[gpt-4o-mini] été.yaml', cassette('gpt-4o-mini', 'new', 'y'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 're-record');
  return dir;
}

describe('cassette diff --git on a re-record commit', () => {
  it('opens with totals, groups shared changes, collapses same-meaning files, skips non-cassettes', () => {
    const dir = reRecordRepo();
    const r = cli(['diff', '--git', 'HEAD', '--no-patch'], { cwd: dir });
    expect(r.stderr).toBe('skipped 2 files that are not cassettes\n');
    expect(r.status).toBe(1);
    const head = r.stdout.split('\n').slice(0, 4);
    expect(head).toEqual([
      '8 cassettes: 3 changed, 1 added, 2 removed, 2 re-recorded with no change in meaning',
      'interactions: 3 changed, 1 added, 2 removed, 2 unchanged',
      expect.stringMatching(/^tokens 105 → 90 \(-15\); cost \$[\d.]+ → \$[\d.]+ \(-\$[\d.]+\)$/),
      'skipped 2 files that are not a cassette: .github/workflows/ci.yml, package.json',
    ]);
    expect(r.stdout).toContain('changes in several files:\n  model changed: gpt-4o → gpt-4.1 in 3 files');
    expect(r.stdout).toContain('same in meaning (2): cassettes/same-1.yaml, cassettes/same-2.yaml');
    expect(r.stdout).toContain('=== added: cassettes/test_new[gpt-4o-mini] été.yaml');
    expect(r.stdout).toContain('interaction added (model gpt-4o-mini, "new")');
    expect(r.stdout).toContain('=== removed: cassettes/old name with spaces.yaml');
    expect(r.stdout).toContain('=== removed: cassettes/test_weather[gpt-4o].yaml');
  });

  it('takes a range: A..B and A...B (a branch’s own changes since its merge base)', () => {
    const dir = reRecordRepo();
    git(dir, 'checkout', '-qb', 'topic');
    write(dir, 'cassettes/bump-1.yaml', cassette('gpt-5', 'q1', 'a'));
    git(dir, 'commit', '-qam', 'topic');
    const stat = (rev: string) => cli(['diff', '--git', rev, '--stat'], { cwd: dir }).stdout.split('\n')[0];
    expect(stat('HEAD~2..HEAD')).toBe('8 cassettes: 3 changed, 1 added, 2 removed, 2 re-recorded with no change in meaning');
    expect(stat('HEAD~1...topic')).toBe('1 cassette: 1 changed, 0 added, 0 removed, 0 re-recorded with no change in meaning');
  });

  it('reads every blob through one git cat-file --batch, never git show', () => {
    const dir = reRecordRepo();
    const trace = join(dir, '..', `${dir.split('/').pop()}-trace.txt`);
    const r = cli(['diff', '--git', 'HEAD', '--stat'], { cwd: dir, env: { GIT_TRACE: trace } });
    expect(r.status).toBe(1);
    const commands = readFileSync(trace, 'utf8').split('\n').filter((l) => l.includes('trace: built-in: git'));
    expect(commands.filter((l) => l.includes('cat-file'))).toHaveLength(1);
    expect(commands.filter((l) => / git show /.test(l))).toHaveLength(0);
  });

  it('reads a commit that is not checked out through the same one cat-file, after the work tree misses', () => {
    const dir = reRecordRepo();
    const checkedOut = cli(['diff', '--git', 'HEAD', '--json'], { cwd: dir }).stdout;
    write(dir, 'cassettes/later.yaml', cassette('gpt-4o', 'later', 'z'));
    for (const n of [1, 2, 3]) write(dir, `cassettes/bump-${n}.yaml`, cassette('gpt-5', `q${n}`, 'b'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'later');
    const trace = join(dir, '..', `${dir.split('/').pop()}-trace.txt`);
    const r = cli(['diff', '--git', 'HEAD~1', '--json'], { cwd: dir, env: { GIT_TRACE: trace } });
    expect(r.stdout.replaceAll('HEAD~1', 'HEAD')).toBe(checkedOut);
    const commands = readFileSync(trace, 'utf8').split('\n').filter((l) => l.includes('trace: built-in: git'));
    expect(commands.filter((l) => l.includes('cat-file'))).toHaveLength(1);
  });

  it('--stat and --json carry the same totals; --markdown is a comment with <details>', () => {
    const dir = reRecordRepo();
    const stat = cli(['diff', '--git', 'HEAD', '--stat'], { cwd: dir });
    expect(stat.stdout).toContain('M cassettes/bump-1.yaml  1 changed, 0 added, 0 removed  (model changed: gpt-4o → gpt-4.1)');
    expect(stat.stdout).toContain('M cassettes/same-1.yaml  same in meaning');
    const json = JSON.parse(cli(['diff', '--git', 'HEAD', '--json'], { cwd: dir }).stdout) as { commit: { totals: { files: unknown }; skipped: string[] } };
    expect(json.commit.totals.files).toEqual({ changed: 3, added: 1, removed: 2, sameMeaning: 2, renamed: 0 });
    expect(json.commit.skipped).toEqual(['.github/workflows/ci.yml', 'package.json']);
    const md = cli(['diff', '--git', 'HEAD', '--markdown'], { cwd: dir }).stdout;
    expect(md).toMatch(/^### Cassette diff\n/);
    expect(md).toContain('<summary><code>cassettes/test_new[gpt-4o-mini] été.yaml</code>: added, 1 interaction</summary>');
  });

  it('textconv prints the same text whatever path git hands it', () => {
    const dir = reRecordRepo();
    writeFileSync(join(dir, '.git/info/attributes'), '*.yaml diff=cassette\n');
    git(dir, 'config', 'diff.cassette.textconv', `node ${BIN} textconv`);
    const out = git(dir, 'diff', '--no-color', 'HEAD^', 'HEAD', '--', 'cassettes/same-1.yaml', 'cassettes/bump-1.yaml');
    expect(out).not.toMatch(/\/tmp\/|git-blob/);
    expect(out).not.toContain('diff --git a/cassettes/same-1.yaml');
    expect(out).toContain('-  request  openai-chat · gpt-4o\n+  request  openai-chat · gpt-4.1');
  });
});

describe('diff --git before the first commit', () => {
  it('compares the work tree with nothing: staged and untracked cassettes are added, no internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-git-new-'));
    git(dir, 'init', '-q');
    write(dir, 'cassettes/staged.yaml', cassette('gpt-4o', 'staged', 'a'));
    write(dir, 'cassettes/untracked.yaml', cassette('gpt-4o', 'untracked', 'b'));
    git(dir, 'add', 'cassettes/staged.yaml');
    const r = cli(['diff', '--git', '--stat'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout.split('\n')[0]).toBe('2 cassettes: 0 changed, 2 added, 0 removed, 0 re-recorded with no change in meaning');
    expect(r.stdout).toContain('A cassettes/staged.yaml  0 changed, 1 added, 0 removed');
    expect(r.stdout).toContain('A cassettes/untracked.yaml  0 changed, 1 added, 0 removed');
  });
});

describe('diff --git and renames', () => {
  /** A commit that renames: one file as it is, one with its ids re-minted, one test replaced by another, one to a name no cassette has. */
  function renameRepo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-git-mv-'));
    git(dir, 'init', '-q');
    write(dir, 'cassettes/plain.yaml', cassette('gpt-4o', 'plain question', 'a'));
    write(dir, 'cassettes/reminted.yaml', cassette('gpt-4o', 'reminted question', 'b', 'chatcmpl-old'));
    write(dir, 'cassettes/test_weather.yaml', cassette('gpt-4o', 'weather in Rome?', 'sunny'));
    write(dir, 'cassettes/kept.yaml', cassette('gpt-4o', 'kept question', 'c'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
    git(dir, 'mv', 'cassettes/plain.yaml', 'cassettes/plain [renamed].yaml');
    rmSync(join(dir, 'cassettes/reminted.yaml'));
    write(dir, 'cassettes/reminted_v2.yaml', cassette('gpt-4o', 'reminted question', 'b', 'chatcmpl-new'));
    rmSync(join(dir, 'cassettes/test_weather.yaml'));
    write(dir, 'cassettes/test_forecast.yaml', cassette('gpt-4o-mini', 'forecast for Oslo?', 'rain'));
    git(dir, 'mv', 'cassettes/kept.yaml', 'cassettes/kept.yaml.bak');
    git(dir, 'add', '-A');
    return dir;
  }

  it('a rename that keeps the meaning is one file (R old → new); another test replacing one stays a removal and an addition', () => {
    const dir = renameRepo();
    // The work tree (a staged git mv), then the same as a commit.
    for (const args of [['diff', '--git', '--stat'], ['diff', '--git', 'HEAD', '--stat']]) {
      if (args.length === 4) git(dir, 'commit', '-qm', 'renames');
      const r = cli(args, { cwd: dir });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stdout.split('\n')[0]).toBe('5 cassettes: 0 changed, 1 added, 2 removed, 2 re-recorded with no change in meaning (2 of them renamed)');
      expect(r.stdout).toContain('R cassettes/plain.yaml → cassettes/plain [renamed].yaml  same in meaning');
      expect(r.stdout).toContain('R cassettes/reminted.yaml → cassettes/reminted_v2.yaml  same in meaning');
      expect(r.stdout).toContain('A cassettes/test_forecast.yaml  0 changed, 1 added, 0 removed');
      expect(r.stdout).toContain('D cassettes/test_weather.yaml  0 changed, 0 added, 1 removed');
      expect(r.stdout).toContain('D cassettes/kept.yaml  0 changed, 0 added, 1 removed');
    }
    const text = cli(['diff', '--git', 'HEAD'], { cwd: dir }).stdout;
    expect(text).toContain('same in meaning (2): cassettes/plain.yaml → cassettes/plain [renamed].yaml, cassettes/reminted.yaml → cassettes/reminted_v2.yaml');
    const json = JSON.parse(cli(['diff', '--git', 'HEAD', '--json'], { cwd: dir }).stdout) as { diffs: { path: string; from?: string; status: string }[] };
    expect(json.diffs.filter((d) => d.from).map((d) => [d.from, d.path, d.status])).toEqual([
      ['cassettes/plain.yaml', 'cassettes/plain [renamed].yaml', 'modified'],
      ['cassettes/reminted.yaml', 'cassettes/reminted_v2.yaml', 'modified'],
    ]);
    expect(cli(['diff', '--git', 'HEAD', '--markdown'], { cwd: dir }).stdout).toContain('cassettes/plain.yaml → cassettes/plain [renamed].yaml');
  });
});

describe.skipIf(!hasBundle)('handed --git case (../shared/cases/diff/gitrepo.bundle)', () => {
  function clone(): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'cassette-bundle-')), 'gitrepo');
    execFileSync('git', ['clone', '-q', BUNDLE, dir]);
    return dir;
  }

  it('diff --stat --git HEAD: package.json skipped, the bracketed renamed file (ids re-minted) read as one', () => {
    const r = cli(['diff', '--stat', '--git', 'HEAD'], { cwd: clone() });
    expect(r.stderr).toBe('skipped 1 file that is not a cassette\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('skipped 1 file that is not a cassette: package.json');
    expect(r.stdout.split('\n')[0]).toBe('2 cassettes: 1 changed, 0 added, 0 removed, 1 re-recorded with no change in meaning (1 of them renamed)');
    expect(r.stdout).toMatch(/^R tests\/cassettes\/test_weather\[gpt-4o\]\.yaml → tests\/cassettes\/test_new\[gpt-4o-mini\]\.yaml {2}same in meaning$/m);
    expect(r.stdout).toContain('M tests/cassettes/test_status.yaml  1 changed, 0 added, 0 removed  (status 400 → 200 (error fixed)');
  });

  it('git diff with the textconv driver shows no temporary path', () => {
    const dir = clone();
    writeFileSync(join(dir, '.git/info/attributes'), '*.yaml diff=cassette\n');
    git(dir, 'config', 'diff.cassette.textconv', `node ${BIN} textconv`);
    const out = git(dir, 'diff', '--no-color', 'HEAD^', 'HEAD');
    expect(out).not.toMatch(/git-blob|\/tmp\//);
    expect(out).toContain('+#0 POST api.openai.com/v1/chat/completions  200 OK');
  });
});

describe('worktreeBlobs', () => {
  it('takes a checked-out file whose bytes hash to the blob id, never one changed since; stops after two misses', () => {
    const dir = reRecordRepo();
    const id = (path: string) => git(dir, 'rev-parse', `HEAD:${path}`).trim();
    const [bump, same] = ['cassettes/bump-1.yaml', 'cassettes/same-1.yaml'];
    writeFileSync(join(dir, same), cassette('gpt-4o', 'edited', 'a'));
    const found = worktreeBlobs(dir, [bump, same].map((path) => ({ path, id: id(path) })));
    expect([...found.keys()]).toEqual([id(bump)]);
    expect(Buffer.from(found.get(id(bump))!).toString('utf8')).toBe(git(dir, 'cat-file', 'blob', id(bump)));
    // A work tree at another commit: two misses, and the rest is left to cat-file.
    const others = ['cassettes/bump-2.yaml', 'cassettes/bump-3.yaml', bump].map((path) => ({ path, id: path === bump ? id(bump) : id(path).replace(/^./, (c) => (c === '0' ? '1' : '0')) }));
    expect(worktreeBlobs(dir, others).size).toBe(0);
  });
});
