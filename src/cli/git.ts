import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, lstatSync, mkdtempSync, openSync, readFileSync, readSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
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

const NO_BLOB = /^0+$/;

/** A file that differs between two trees (or a tree and the work tree), with its blob ids. */
export interface ChangedFile {
  /** Relative to the repository root, exactly as git stores it (brackets, spaces, unicode). */
  path: string;
  status: 'added' | 'removed' | 'modified';
  /** The old path of a file git found renamed (status `modified`, its old blob under this path). */
  from?: string | undefined;
  /** Blob id on the old side; undefined when the file is new. */
  oldBlob: string | undefined;
  /** Blob id on the new side; undefined when deleted, or when the new side is the work tree (read the file). */
  newBlob: string | undefined;
}

/**
 * Files that differ between `base` and `target` (the work tree when undefined), from
 * `git diff --raw -z`: NUL-separated, so no path is quoted or mangled, and blob ids come with
 * each entry, so no per-file `git show` (which prints nothing, exit 0, for a missing path).
 * Renames are found as git finds them (`R088 old new`): a renamed cassette is compared with its
 * old self, not read as one file removed and another added.
 */
export function changedFiles(root: string, base: string, target: string | undefined, pathspecs: readonly string[]): ChangedFile[] {
  const specs = pathspecs.map((p) => relative(root, resolve(p)) || '.');
  const raw = git(['diff', '--raw', '-z', '--find-renames', '--no-abbrev', base, ...(target ? [target] : []), '--', ...specs], root);
  const fields = raw.split('\0');
  const out: ChangedFile[] = [];
  for (let k = 0; k + 1 < fields.length; ) {
    // `:100644 100644 <old> <new> M` then the path; a rename (`R088`) then the old path and the new.
    const [, , oldId = '', newId = '', letter = ''] = fields[k]!.replace(/^:/, '').split(' ');
    const renamed = letter.startsWith('R');
    const from = renamed ? fields[k + 1] : undefined;
    const path = fields[k + (renamed ? 2 : 1)] ?? '';
    k += renamed ? 3 : 2;
    const status = letter.startsWith('A') ? 'added' : letter.startsWith('D') ? 'removed' : 'modified';
    out.push({ path, status, ...(from !== undefined ? { from } : {}), oldBlob: status === 'added' || NO_BLOB.test(oldId) ? undefined : oldId, newBlob: status === 'removed' || NO_BLOB.test(newId) ? undefined : newId });
  }
  if (target === undefined) {
    for (const path of git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...specs], root).split('\0').filter(Boolean)) {
      out.push({ path, status: 'added', oldBlob: undefined, newBlob: undefined });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A pathspec git reads as a pattern or with magic (`*.yaml`, `:(glob)…`), not as one path. */
export const isPattern = (spec: string) => /[*?[]/.test(spec) || spec.startsWith(':');

/**
 * The paths among `paths` (as given, relative to the current directory) that are neither on disk
 * nor in any of `trees` (revisions; `undefined` stands for the index): a mistyped path. Patterns
 * are left to git, which lets a pattern match nothing. A path deleted on disk but in a tree is known.
 */
export function unknownPaths(root: string, trees: readonly (string | undefined)[], paths: readonly string[]): string[] {
  const candidates = paths.filter((p) => !isPattern(p) && !existsSync(p));
  if (candidates.length === 0) return [];
  const specs = candidates.map((p) => relative(root, resolve(p)));
  const known = new Set<string>();
  for (const tree of trees) {
    const args = tree === undefined ? ['ls-files', '-z', '--', ...specs] : ['ls-tree', '-r', '-z', '--name-only', tree, '--', ...specs];
    let listed = '';
    try {
      listed = git(args, root);
    } catch {
      // no such tree (a repository without commits): nothing known there
    }
    for (const file of listed.split('\0')) if (file) known.add(file);
  }
  const inGit = (spec: string) => known.has(spec) || [...known].some((f) => f.startsWith(`${spec}/`));
  return candidates.filter((_, k) => !inGit(specs[k]!));
}

/**
 * A `git cat-file --batch` started at once, whose output goes to a temporary file, not a pipe:
 * Node reads a pipe a few kilobytes at a time, which cost three times the CPU of git's own work
 * (200 ms for 10 MB) where one read of the file costs a fraction. The file is unlinked as soon as
 * it is open, so nothing is left behind even if the process is killed. Ids are sent as they are
 * known (`send`) and `done` ends the list: git reads the first blobs while the caller does other
 * work (diff --git hashes the work tree's files meanwhile), on the other core.
 */
export function blobReader(root: string): { send(ids: readonly string[]): void; done(): Promise<Map<string, Uint8Array>> } {
  const sent = new Set<string>();
  let child: ReturnType<typeof spawn> | undefined;
  let fd: number | undefined;
  let dir: string | undefined;
  let exited: Promise<{ code: number | null; error?: Error | undefined; stderr: string }> | undefined;
  const start = () => {
    dir = mkdtempSync(join(tmpdir(), 'cassette-blobs-'));
    const file = join(dir, 'batch');
    fd = openSync(file, 'w+');
    try {
      unlinkSync(file);
      rmdirSync(dir);
      dir = undefined;
    } catch {
      // Windows cannot remove an open file: removed in done() instead.
    }
    // --buffer: git writes whole buffers instead of flushing after each object (fewer system calls).
    const proc = spawn('git', ['cat-file', '--batch', '--buffer'], { cwd: root, stdio: ['pipe', fd, 'pipe'] });
    const stderr: Buffer[] = [];
    proc.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A git that stops early (a bad id) closes its input: the error is told by its exit, not the write.
    proc.stdin!.on('error', () => {});
    exited = new Promise((resolve) => {
      proc.on('error', (error) => resolve({ code: null, error, stderr: '' }));
      proc.on('close', (code) => resolve({ code, stderr: Buffer.concat(stderr).toString().trim() }));
    });
    child = proc;
  };
  const cleanup = () => {
    if (fd !== undefined) closeSync(fd);
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    fd = undefined;
  };
  return {
    send(ids) {
      const fresh = ids.filter((id) => !sent.has(id));
      if (fresh.length === 0) return;
      for (const id of fresh) sent.add(id);
      if (!child) start();
      child!.stdin!.write(`${fresh.join('\n')}\n`);
    },
    async done() {
      if (!child) return new Map();
      try {
        child.stdin!.end();
        const result = await exited!;
        if (result.code !== 0) throw new UsageError(`--git: git cat-file failed: ${result.stderr || result.error?.message || `exit ${result.code}`}`);
        const out = Buffer.allocUnsafe(fstatSync(fd!).size);
        for (let at = 0; at < out.length; ) {
          const n = readSync(fd!, out, at, out.length - at, at);
          if (n === 0) throw new UsageError('--git: git cat-file output ended early');
          at += n;
        }
        return parseBatch(out);
      } finally {
        cleanup();
      }
    },
  };
}

/** The blobs of `git cat-file --batch`'s output, by id (a missing one is left out). */
function parseBatch(out: Buffer): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [id = '', type = '', size = ''] = out.subarray(at, eol).toString('latin1').split(' ');
    if (type === 'missing' || size === '') {
      at = eol + 1;
      continue;
    }
    const length = Number(size);
    blobs.set(id, out.subarray(eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1;
  }
  return blobs;
}

/**
 * Blobs that the work tree holds byte for byte, by id. As git's own diff does (it reuses a checked-out
 * file rather than inflating its object), a file is taken when its bytes hash to the blob's id as git
 * hashes a blob, so a file changed since, or rewritten by a filter or line-end conversion, is not. After
 * two files that do not match (the work tree is at another commit), the rest are left to cat-file.
 */
export function worktreeBlobs(root: string, files: readonly { path: string; id: string }[]): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  let misses = 0;
  for (const { path, id } of files) {
    if (misses >= 2) break;
    const file = join(root, path);
    let bytes: Buffer;
    try {
      if (!lstatSync(file).isFile()) throw new Error('not a regular file');
      bytes = readFileSync(file);
    } catch {
      misses++;
      continue;
    }
    const hash = createHash(id.length === 64 ? 'sha256' : 'sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    if (hash === id) found.set(id, bytes);
    else misses++;
  }
  return found;
}

/**
 * What `--git REV` compares: `REV` against its first parent, `A..B` as git diff reads it,
 * `A...B` from their merge base (a pull request's own changes). Undefined when `arg` is not a revision.
 */
export function revisionPair(root: string, arg: string): { base: string; target: string } | undefined {
  const range = /^(.*?)(\.\.\.?)(.*)$/.exec(arg);
  if (range) {
    const [, left = '', dots, right = ''] = range;
    const [a, b] = [left || 'HEAD', right || 'HEAD'];
    if (!isRevision(root, a) || !isRevision(root, b)) return undefined;
    return { base: dots === '...' ? git(['merge-base', a, b], root).trim() : a, target: b };
  }
  // The usual case, a commit with a parent, in one git call; anything else takes the two below.
  if (!arg.startsWith('-')) {
    try {
      if (git(['rev-parse', '--quiet', `${arg}^{commit}`, `${arg}^^{commit}`], root).trim().split('\n').length === 2) return { base: `${arg}^`, target: arg };
    } catch {
      // not a revision, or a root commit
    }
  }
  return isRevision(root, arg) ? { base: parentOf(root, arg), target: arg } : undefined;
}

/**
 * `gitRoot()` and, for `arg` (not a path), `revisionPair(root, arg)`: for the usual commit with a
 * parent, both from one `git rev-parse`, as each process start is a good part of a small run.
 */
export function rootAndRevision(arg: string | undefined): { root: string; pair: { base: string; target: string } | undefined } {
  if (arg !== undefined && !arg.startsWith('-') && !arg.includes('..')) {
    try {
      const [root = '', ...ids] = git(['rev-parse', '--show-toplevel', '--quiet', `${arg}^{commit}`, `${arg}^^{commit}`], process.cwd()).trim().split('\n');
      if (root && ids.length === 2) return { root, pair: { base: `${arg}^`, target: arg } };
    } catch {
      // not a revision, a root commit, or not a repository: asked one at a time below
    }
  }
  const root = gitRoot();
  return { root, pair: arg === undefined ? undefined : revisionPair(root, arg) };
}

/** REV's first parent, or the empty tree for a root commit. */
export function parentOf(root: string, rev: string): string {
  if (isRevision(root, `${rev}^`)) return `${rev}^`;
  return emptyTree(root);
}

/** The id of the empty tree: what a root commit, or a work tree before the first commit, is compared with. */
export const emptyTree = (root: string): string => git(['hash-object', '-t', 'tree', '/dev/null'], root).trim();

/** What the work tree is compared with: `HEAD`, or the empty tree in a repository without commits yet. */
export const worktreeBase = (root: string): string => (isRevision(root, 'HEAD') ? 'HEAD' : emptyTree(root));
