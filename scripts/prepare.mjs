#!/usr/bin/env node
// npm's `prepare`: build dist/ wherever npm builds this package from source (a clone, `npm ci`,
// a git dependency, pre-commit's hook install), printing nothing on stdout.
//
// Why a script and not `"prepare": "npm run build"`:
// - pre-commit 3.x reads `npm pack`'s stdout as the tarball name, so a build banner there breaks the
//   hook install. Everything here goes to stderr (and .npmrc keeps npm's own banner off stdout).
// - `npm install -g git+file://…` (pre-commit 4.x) prepares the clone with npm_config_global=true
//   leaking into the nested `npm install`, which then installs no dev dependency: `tsc: not found`.
//   When the build tools are missing we install the locked dev dependencies into the clone ourselves,
//   with that leaked configuration removed, then build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Configuration a parent `npm install -g` exports to its scripts; any of it sends a nested install elsewhere.
const LEAKED = /^npm_config_(global|prefix|global_prefix|local_prefix|include|omit|production|only|also|dev|force|install_links|allow_git)$/i;
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !LEAKED.test(key)));

function npm(args) {
  const cli = process.env.npm_execpath;
  const [command, argv] = cli && /\.[cm]?js$/.test(cli) ? [process.execPath, [cli, ...args]] : ['npm', args];
  const result = spawnSync(command, argv, { cwd: root, env, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' && command === 'npm' });
  if (result.status !== 0) {
    process.stderr.write(`cassette prepare: npm ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})\n`);
    process.exit(result.status || 1);
  }
}

/** Newest modification time under a path, in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// npm runs prepare twice in one install (install, then pack): the second finds dist/ newer than its inputs.
const output = join(root, 'dist/bundle/run.cjs');
const inputs = ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/bundle.mjs', 'scripts/compact-prices.mjs'].map((p) => join(root, p));
if (existsSync(output) && statSync(output).mtimeMs >= Math.max(...inputs.map(newest))) process.exit(0);

const hasBuildTools = ['typescript', 'esbuild'].every((name) => existsSync(join(root, 'node_modules', name, 'package.json')));
if (!hasBuildTools) {
  process.stderr.write('cassette prepare: build tools missing (a global git install does not install dev dependencies); installing the locked ones\n');
  npm(['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
}
npm(['run', 'build']);
