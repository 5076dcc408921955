import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../helpers/corpus.js';
import { goVcr } from './helpers.js';

// `pre-commit run --all-files` with the README's two hook snippets, from a clean PRE_COMMIT_HOME, for each
// pre-commit found: Debian's 3.x (apt) and the newest 4.x (.ci/run puts it in a venv). One install per version.
const VENV = join(homedir(), '.cache/cassette-ci/pre-commit-venv/bin/pre-commit');

interface Found {
  path: string;
  version: string;
}

function preCommits(): Found[] {
  const listed = process.env.CASSETTE_PRE_COMMIT?.split(':').filter(Boolean);
  const onPath = spawnSync('sh', ['-c', 'command -v pre-commit'], { encoding: 'utf8' }).stdout.trim();
  const candidates = listed ?? [onPath, '/usr/bin/pre-commit', VENV].filter(Boolean);
  const found = new Map<string, Found>();
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    const version = /pre-commit (\S+)/.exec(r.stdout)?.[1];
    if (r.status === 0 && version && !found.has(version)) found.set(version, { path: realpathSync(candidate), version });
  }
  return [...found.values()];
}

// Each version installs the hook twice (one build from source): minutes on a busy machine, so it runs in CI
// (.ci/run installs pre-commit and sets CI) or when CASSETTE_PRE_COMMIT names the executables to test.
const enabled = Boolean(process.env.CI || process.env.CASSETTE_PRE_COMMIT);
const found = enabled ? preCommits() : [];
const built = existsSync(join(ROOT, 'dist/bundle/run.cjs'));
const online = found.length > 0 && built && spawnSync('npm', ['ping'], { encoding: 'utf8', timeout: 30_000 }).status === 0;
const skip = !enabled
  ? 'runs only in CI (CI=true) or with CASSETTE_PRE_COMMIT=/path/to/pre-commit[:...]'
  : found.length === 0
    ? 'pre-commit not found (apt-get install pre-commit, or a venv at ~/.cache/cassette-ci/pre-commit-venv as .ci/run makes)'
    : !built
      ? 'dist/ is not built (npm run build)'
      : !online
        ? 'the npm registry is not reachable (npm ping), and the hook install needs it'
        : undefined;
if (skip) console.warn(`[cassette tests] the pre-commit hook install test is skipped: ${skip}`);

const KEY = 'sk-proj-Zq9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa9Zy8Xw7Vu6Ts';
const CF_BM = 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ-1757610843-1.0.1.1-isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBX';

/** The README's fenced YAML block after `<!-- pre-commit:NAME -->`. */
function readmeSnippet(name: string): { repos: Record<string, unknown>[] } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- pre-commit:${name} -->\\s*\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m) throw new Error(`README has no <!-- pre-commit:${name} --> snippet`);
  return YAML.parse(m[1]!) as { repos: Record<string, unknown>[] };
}

interface Ran {
  status: number | null;
  output: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error) => resolve({ status: null, output: output + String(error) }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

/** This work tree (tracked and new files, as CI's clone has them) as a fresh git repository: the hook's `repo:`. */
function repositoryCopy(): { path: string; rev: string } {
  const path = mkdtempSync(join(tmpdir(), 'cassette-hook-repo-'));
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(path, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(path, file));
  }
  git(path, 'init', '-q');
  git(path, 'add', '-A');
  git(path, 'commit', '-q', '-m', 'copy');
  return { path, rev: git(path, 'rev-parse', 'HEAD') };
}

/** The README snippets with the repository, rev and package pointing at local copies, in one config. */
function hookConfig(repo: { path: string; rev: string }, tarball: string): string {
  const fromRepo = readmeSnippet('repo').repos.map((r) => ({ ...r, repo: repo.path, rev: repo.rev }));
  const fromPackage = readmeSnippet('package').repos.map((r) => ({
    ...r,
    hooks: (r.hooks as Record<string, unknown>[]).map((h) => ({ ...h, additional_dependencies: (h.additional_dependencies as string[]).map((d) => (d.startsWith('cassette-cli@') ? tarball : d)) })),
  }));
  return YAML.stringify({ repos: [...fromRepo, ...fromPackage] });
}

/** A user's repository: one clean cassette (only infrastructure cookies) beside files that are not cassettes. */
function userProject(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-hook-user-'));
  const files: Record<string, string> = {
    '.pre-commit-config.yaml': config,
    'package.json': '{ "name": "demo", "version": "1.0.0" }\n',
    'tests/cassettes/chat.yaml': goVcr([{ responseExtra: '' }]).replace('    status: 200 OK', `      Set-Cookie:\n      - __cf_bm=${CF_BM}; path=/; HttpOnly\n    status: 200 OK`),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

async function checkVersion(preCommit: Found, repo: { path: string; rev: string }, tarball: string): Promise<void> {
  const project = userProject(hookConfig(repo, tarball));
  const env = { PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'cassette-hook-home-')) };
  const label = `pre-commit ${preCommit.version}`;

  const install = await run(preCommit.path, ['install-hooks'], project, env);
  expect(install.status, `${label} install-hooks:\n${install.output}`).toBe(0);

  const clean = await run(preCommit.path, ['run', '--all-files', '--color', 'never'], project, env);
  expect(clean.status, `${label} on clean cassettes and non-cassettes:\n${clean.output}`).toBe(0);
  expect(clean.output.match(/^cassette lint.*Passed$/gm), `${label}:\n${clean.output}`).toHaveLength(2);

  writeFileSync(join(project, 'tests/cassettes/leak.yaml'), goVcr([{ headers: `      Authorization:\n      - Bearer ${KEY}\n` }]));
  git(project, 'add', '-A');
  const leak = await run(preCommit.path, ['run', '--all-files', '--color', 'never'], project, env);
  expect(leak.status, `${label} on a planted key:\n${leak.output}`).toBe(1);
  expect(leak.output.match(/^cassette lint.*Failed$/gm), `${label}:\n${leak.output}`).toHaveLength(2);
  expect(leak.output).toContain('tests/cassettes/leak.yaml');
  expect(leak.output).toContain('secret-header');
  expect(leak.output).not.toContain(KEY);
}

describe('pre-commit hook install', () => {
  it.skipIf(skip !== undefined)(`installs and runs with ${found.map((f) => `pre-commit ${f.version}`).join(' and ') || 'pre-commit'}, from the repository and from the package`, { timeout: 1_200_000 }, async () => {
    const repo = repositoryCopy();
    // The package as it would be published: the built dist/, packed without running prepare again.
    const packDir = mkdtempSync(join(tmpdir(), 'cassette-hook-pack-'));
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
    // The versions install side by side: each has its own PRE_COMMIT_HOME and user repository.
    await Promise.all(found.map((preCommit) => checkVersion(preCommit, repo, tarball)));
  });
});
