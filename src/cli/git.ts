import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
}

export function gitRoot(cwd = process.cwd()): string {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new UsageError('--git: not inside a git repository');
  }
}

export function isRevision(root: string, rev: string): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], root);
    return true;
  } catch {
    return false;
  }
}

/** Paths (relative to the repository root) of files that differ between `base` and `target` (the work tree when undefined). */
export function changedFiles(root: string, base: string, target: string | undefined, pathspecs: readonly string[]): string[] {
  const specs = pathspecs.map((p) => relative(root, resolve(p)) || '.');
  const changed = target === undefined ? git(['diff', '--name-only', '--no-renames', base, '--', ...specs], root) : git(['diff', '--name-only', '--no-renames', base, target, '--', ...specs], root);
  const untracked = target === undefined ? git(['ls-files', '--others', '--exclude-standard', '--', ...specs], root) : '';
  return [...new Set(`${changed}\n${untracked}`.split('\n').filter(Boolean))].sort();
}

/** A file's bytes at a revision, or undefined when it does not exist there. */
export function showFile(root: string, rev: string, path: string): Uint8Array | undefined {
  try {
    return execFileSync('git', ['show', `${rev}:${path}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** REV's first parent, or the empty tree for a root commit. */
export function parentOf(root: string, rev: string): string {
  if (isRevision(root, `${rev}^`)) return `${rev}^`;
  return git(['hash-object', '-t', 'tree', '/dev/null'], root).trim();
}
