import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalDiffHeader, parseExternalDiff } from '../../src/cli/external-diff.js';
import { ROOT, SAMPLES } from '../helpers/corpus.js';

const BIN = join(ROOT, 'bin/cassette.js');
const ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: ENV });
/** git with cassette as the external diff driver for everything under cassettes/: stdout, stderr and exit code. */
const gitDiff = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', `diff.cassette.command=node ${BIN} diff --no-color --no-patch`, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const CHAT = join(SAMPLES, 'go-vcr-v2/openai-chat-stream-text.yaml');
const TOOLS = join(SAMPLES, 'go-vcr-v2/openai-chat-parallel-tools.yaml');
const OLLAMA = join(SAMPLES, 'go-vcr-v2/ollama-error.yaml');
const GEMINI = join(SAMPLES, 'go-vcr-v2/gemini-error.yaml');

/** A repository with two commits: base, then one cassette modified, one added, one deleted, one renamed, one made executable. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-extdiff-'));
  git(dir, 'init', '-q');
  mkdirSync(join(dir, 'cassettes'));
  writeFileSync(join(dir, '.gitattributes'), 'cassettes/** diff=cassette\n');
  copyFileSync(CHAT, join(dir, 'cassettes/modified.yaml'));
  copyFileSync(TOOLS, join(dir, 'cassettes/deleted.yaml'));
  copyFileSync(OLLAMA, join(dir, 'cassettes/old-name.yaml'));
  copyFileSync(CHAT, join(dir, 'cassettes/mode.yaml'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  copyFileSync(TOOLS, join(dir, 'cassettes/modified.yaml'));
  copyFileSync(GEMINI, join(dir, 'cassettes/added.yaml'));
  rmSync(join(dir, 'cassettes/deleted.yaml'));
  renameSync(join(dir, 'cassettes/old-name.yaml'), join(dir, 'cassettes/new-name.yaml'));
  chmodSync(join(dir, 'cassettes/mode.yaml'), 0o755);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'change');
  return dir;
}

function expectEveryShape(out: string): void {
  expect(out).toContain('--- a/cassettes/modified.yaml\n+++ b/cassettes/modified.yaml');
  expect(out).toContain('new file mode 100644\n--- /dev/null\n+++ b/cassettes/added.yaml');
  expect(out).toContain('deleted file mode 100644\n--- a/cassettes/deleted.yaml\n+++ /dev/null');
  expect(out).toContain('rename from cassettes/old-name.yaml\nrename to cassettes/new-name.yaml\n--- a/cassettes/old-name.yaml\n+++ b/cassettes/new-name.yaml');
  expect(out).toContain('old mode 100644\nnew mode 100755\n--- a/cassettes/mode.yaml\n+++ b/cassettes/mode.yaml');
  expect(out).toMatch(/— → #0 POST https:\/\/generativelanguage\.googleapis\.com\/\S+: interaction added/);
}

describe('cassette diff as git’s external diff driver', () => {
  it('reads git’s 7 and 9 arguments: added and deleted sides are /dev/null, a rename brings its header', () => {
    const added = parseExternalDiff(['c/x.yaml', '/dev/null', '.', '.', 'c/x.yaml', 'abc1234', '100644'], {});
    expect(added).toMatchObject({ path: 'c/x.yaml', old: undefined, new: { file: 'c/x.yaml', hex: 'abc1234', mode: '100644' } });
    expect(externalDiffHeader(added!)).toEqual(['new file mode 100644']);
    const renamed = parseExternalDiff(['a.yaml', '/tmp/a', 'abc1234', '100644', '/tmp/b', 'abc1234', '100644', 'b.yaml', 'similarity index 100%\nrename from a.yaml\nrename to b.yaml\n'], {});
    expect(renamed).toMatchObject({ path: 'a.yaml', newPath: 'b.yaml' });
    expect(externalDiffHeader(renamed!)).toEqual(['similarity index 100%', 'rename from a.yaml', 'rename to b.yaml']);
    // The work-tree side has an all-zero id; the path alone is an unmerged file only when git runs us.
    expect(parseExternalDiff(['x', '/tmp/a', 'abc1234', '100644', 'x', '0'.repeat(40), '100755'], {})).toBeDefined();
    expect(parseExternalDiff(['x.yaml'], {})).toBeUndefined();
    expect(externalDiffHeader(parseExternalDiff(['x.yaml'], { GIT_DIFF_PATH_TOTAL: '1' })!)).toEqual(['* Unmerged path x.yaml']);
    expect(parseExternalDiff(['a', 'b', 'c', 'd', 'e', 'f', 'g'], {})).toBeUndefined();
  });

  it('git diff A B, git diff --cached, git log -p --ext-diff: every shape, exit 0', () => {
    const dir = repo();
    const range = gitDiff(dir, 'diff', 'HEAD~1', 'HEAD');
    expect(range.stderr).toBe('');
    expect(range.status).toBe(0);
    expectEveryShape(range.stdout);
    const log = gitDiff(dir, 'log', '-p', '--ext-diff', '--format=commit %s');
    expect(log.stderr).toBe('');
    expect(log.status).toBe(0);
    expectEveryShape(log.stdout);
    // The root commit: every cassette added.
    expect(log.stdout).toContain('new file mode 100644\n--- /dev/null\n+++ b/cassettes/old-name.yaml');

    copyFileSync(CHAT, join(dir, 'cassettes/staged.yaml'));
    git(dir, 'add', 'cassettes/staged.yaml');
    git(dir, 'rm', '-q', '--cached', 'cassettes/added.yaml');
    const cached = gitDiff(dir, 'diff', '--cached');
    expect(cached.status).toBe(0);
    expect(cached.stdout).toContain('new file mode 100644\n--- /dev/null\n+++ b/cassettes/staged.yaml');
    expect(cached.stdout).toContain('deleted file mode 100644\n--- a/cassettes/added.yaml\n+++ /dev/null');
  });

  it('a work-tree change, a binary and a truncated file get a note, never an error that stops git', () => {
    const dir = repo();
    copyFileSync(CHAT, join(dir, 'cassettes/modified.yaml'));
    writeFileSync(join(dir, 'cassettes/blob.bin'), Buffer.from([0x00, 0x01, 0xff, 0x1b]));
    writeFileSync(join(dir, 'cassettes/cut.yaml'), 'interactions:\n- request:\n    body: "{\n');
    git(dir, 'add', 'cassettes/blob.bin', 'cassettes/cut.yaml');
    const r = gitDiff(dir, 'diff', 'HEAD');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- a/cassettes/modified.yaml\n+++ b/cassettes/modified.yaml');
    expect(r.stdout).toMatch(/^b\/cassettes\/blob\.bin.*: not compared as a cassette\n\/dev\/null and b\/cassettes\/blob\.bin differ$/m);
    expect(r.stdout).toMatch(/^b\/cassettes\/cut\.yaml.*: not compared as a cassette$/m);
    // The note goes on after the binary: git went on to the next file.
    expect(r.stdout.indexOf('cut.yaml')).toBeGreaterThan(r.stdout.indexOf('blob.bin'));
  });

  it('--json: one JSON object per file (JSON Lines), git\'s header lines inside it, never before it', () => {
    const dir = repo();
    writeFileSync(join(dir, 'cassettes/blob.bin'), Buffer.from([0x00, 0x01, 0xff, 0x1b]));
    git(dir, 'add', 'cassettes/blob.bin');
    const r = spawnSync('git', ['-c', `diff.cassette.command=node ${BIN} diff --json`, 'diff', 'HEAD~1'], { cwd: dir, encoding: 'utf8', env: ENV });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const lines = r.stdout.trimEnd().split('\n');
    const files = lines.map((l) => JSON.parse(l) as { path: string; newPath: string; status: string; header: string[]; oldMode: string | null; newMode: string | null; diff: { different: boolean; interactions: unknown[] } | null; notes: string[]; sameBytes?: boolean });
    const by = Object.fromEntries(files.map((f) => [f.newPath, f]));
    expect(Object.keys(by).sort()).toEqual(['cassettes/added.yaml', 'cassettes/blob.bin', 'cassettes/deleted.yaml', 'cassettes/mode.yaml', 'cassettes/modified.yaml', 'cassettes/new-name.yaml']);
    expect(by['cassettes/added.yaml']).toMatchObject({ status: 'added', oldMode: null, newMode: '100644', header: ['new file mode 100644'], notes: [] });
    expect(by['cassettes/added.yaml']!.diff!.interactions).toHaveLength(1);
    expect(by['cassettes/deleted.yaml']).toMatchObject({ status: 'deleted', oldMode: '100644', newMode: null, header: ['deleted file mode 100644'] });
    expect(by['cassettes/new-name.yaml']).toMatchObject({ status: 'renamed', path: 'cassettes/old-name.yaml', header: ['similarity index 100%', 'rename from cassettes/old-name.yaml', 'rename to cassettes/new-name.yaml'] });
    expect(by['cassettes/mode.yaml']).toMatchObject({ status: 'modified', header: ['old mode 100644', 'new mode 100755'] });
    expect(by['cassettes/modified.yaml']!.diff!.different).toBe(true);
    expect(by['cassettes/blob.bin']).toMatchObject({ status: 'added', diff: null, sameBytes: false });
    expect(by['cassettes/blob.bin']!.notes[0]).toMatch(/: not compared as a cassette$/);
  });
});
