import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { limits, sizeLimitError } from '../limits/limits.js';
import { join, sep } from 'node:path';
import { CassetteInputError, UsageError } from '../model/errors.js';
import { globBase, hasGlob, matchGlob } from '../text/glob.js';
import { isFixTempFile } from './fix-file.js';

/** The file names a directory walk or a pattern considers; the content decides whether one is a cassette. */
export const CASSETTE_FILE = /\.(ya?ml|json|har|httprr)(\.gz)?$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.venv', '__pycache__']);
/** How `show`, `cost` and `lint` name standard input (`-` on the command line). */
export const STDIN_PATH = '<stdin>';

/** What one command-line argument turned out to be. */
export type InputArgKind = 'file' | 'directory' | 'pattern' | 'stdin';

export interface InputFile {
  /** As printed: the path as found, or `<stdin>`. */
  path: string;
  /** Index into `Expansion.args` of the argument that named or found this file. */
  arg: number;
  /** Named on the command line itself, not found by walking a directory or matching a pattern. */
  explicit: boolean;
  stdin?: boolean | undefined;
}

export interface InputProblem {
  path: string;
  message: string;
  /** For a directory a walk could not read: the argument it was found under (it is not "no cassettes"). */
  arg?: number | undefined;
}

/** An entry a walk passed over without reading it: a FIFO, a socket, a device, a broken or looping link. */
export interface SkippedEntry {
  path: string;
  what: string;
}

export interface Expansion {
  args: { text: string; kind: InputArgKind }[];
  files: InputFile[];
  problems: InputProblem[];
  skipped: SkippedEntry[];
}

/**
 * Files named on the command line, cassette-named files found by walking directories (sorted,
 * recursive, symbolic links followed once: a link back into a visited directory is skipped), and
 * files matching a quoted glob pattern (`'tests/**\/*.yaml'`, for shells without `**`). Nothing is
 * opened here except directories, so a FIFO can never block: one found in a walk is skipped, one
 * named on the command line is refused with a problem.
 */
export function expandInputs(args: readonly string[]): Expansion {
  const out: Expansion = { args: [], files: [], problems: [], skipped: [] };
  const visited = new Set<string>();
  let stdinSeen = false;
  args.forEach((text, arg) => {
    if (text === '-') {
      if (stdinSeen) throw new UsageError('- (standard input) can be given only once');
      stdinSeen = true;
      out.args.push({ text, kind: 'stdin' });
      out.files.push({ path: STDIN_PATH, arg, explicit: true, stdin: true });
      return;
    }
    let stat: Stats;
    try {
      stat = statSync(text);
    } catch (error) {
      if (hasGlob(text)) {
        out.args.push({ text, kind: 'pattern' });
        walkPattern(text, arg, out, visited);
      } else {
        out.args.push({ text, kind: 'file' });
        out.problems.push({ path: text, message: fsMessage(error) });
      }
      return;
    }
    if (stat.isDirectory()) {
      out.args.push({ text, kind: 'directory' });
      walk(text, arg, out, visited, () => true);
      return;
    }
    out.args.push({ text, kind: 'file' });
    if (stat.isFile()) out.files.push({ path: text, arg, explicit: true });
    else out.problems.push({ path: text, message: `not a regular file (${fileKind(stat)}); use - to read a cassette from standard input` });
  });
  return out;
}

function walkPattern(pattern: string, arg: number, out: Expansion, visited: Set<string>): void {
  const base = globBase(pattern);
  try {
    if (!statSync(base).isDirectory()) return;
  } catch {
    return;
  }
  walk(base, arg, out, visited, (path) => matchGlob(pattern, path));
}

function walk(dir: string, arg: number, out: Expansion, visited: Set<string>, keep: (path: string) => boolean): void {
  let real: string;
  let entries;
  try {
    real = realpathSync(dir);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    // An unreadable folder may hold cassettes: an error, never a silent gap in a lint or a cost.
    out.problems.push({ path: dir, message: fsMessage(error), arg });
    return;
  }
  if (visited.has(real)) {
    out.skipped.push({ path: dir, what: 'duplicate directory link' });
    return;
  }
  visited.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    let kind = isDir || isFile ? '' : direntKind(e);
    if (e.isSymbolicLink()) {
      try {
        const target = statSync(full);
        // A link to this directory or one above it is a loop, even before the walk reaches its target.
        if (target.isDirectory() && isInside(real, realpathSync(full))) {
          out.skipped.push({ path: full, what: 'symbolic link loop' });
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
        kind = isDir || isFile ? '' : fileKind(target);
      } catch (error) {
        kind = (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link';
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name)) walk(full, arg, out, visited, keep);
    } else if (CASSETTE_FILE.test(e.name) && keep(full)) {
      if (isFile) out.files.push({ path: full, arg, explicit: false });
      else out.skipped.push({ path: full, what: kind });
    }
  }
}

const isInside = (dir: string, ancestor: string) => dir === ancestor || dir.startsWith(ancestor.endsWith(sep) ? ancestor : ancestor + sep);

function direntKind(e: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (e.isFIFO()) return 'FIFO';
  if (e.isSocket()) return 'socket';
  if (e.isCharacterDevice() || e.isBlockDevice()) return 'device';
  return 'not a regular file';
}

const fileKind = (stat: Stats): string => direntKind(stat);

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a link loop)',
  ENOTDIR: 'no such file or directory (a parent is not a directory)',
};

function fsMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return FS_ERRORS[code] ?? `cannot read file (${code || (error as Error).message})`;
}

/**
 * A regular file's bytes; a missing or unreadable file is an input error, not a crash. The file is
 * opened non-blocking and checked before reading, so a FIFO or a device is refused at once instead
 * of waiting for a writer (or reading /dev/zero forever).
 */
export function readInput(path: string): Uint8Array {
  if (isFixTempFile(path)) throw new CassetteInputError('a temporary file of an interrupted `lint --fix`, not a cassette (the next `lint --fix` in its folder removes it)');
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new CassetteInputError(fsMessage(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CassetteInputError('is a directory');
    if (!stat.isFile()) throw new CassetteInputError(`not a regular file (${fileKind(stat)}); use - to read a cassette from standard input`);
    return readBounded(fd, limits().maxBytes);
  } catch (error) {
    if (error instanceof CassetteInputError) throw error;
    throw new CassetteInputError(fsMessage(error));
  } finally {
    closeSync(fd);
  }
}

/**
 * A file open for reads by position, when `path` names a regular file readInput would read (no
 * temporary file of `lint --fix`, within the size limit); undefined for anything else, which
 * readInput then reads or refuses with its usual error. The caller closes `fd`.
 */
export function openRegularFile(path: string): { fd: number; stat: Stats } | undefined {
  if (isFixTempFile(path)) return undefined;
  let fd: number;
  try {
    // Non-blocking, as readInput opens: a FIFO is refused, not waited on.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size <= limits().maxBytes) return { fd, stat };
  } catch {
    // readInput says what is wrong.
  }
  closeSync(fd);
  return undefined;
}

/** `-` is standard input, anything else a file (for commands that take paths one by one). */
export function readPathOrStdin(path: string): Uint8Array {
  return path === '-' ? readStdin() : readInput(path);
}

/**
 * The text of a file an option names (`--price-file`, `--config`, `--baseline`); `-` is standard
 * input, as for cassettes. `others` are the other uses of `-` on the command line: standard input
 * is read once. Errors as readFileSync's (callers say which option failed).
 */
export function readOptionText(path: string, option: string, others: readonly (string | undefined)[]): string {
  if (path !== '-') return readFileSync(path, 'utf8');
  if (others.includes('-')) throw new UsageError(`${option} - and another - both read standard input, which can be read once`);
  if (process.stdin.isTTY) throw new UsageError(`${option} - reads standard input, but standard input is a terminal (pipe the file in: ${option} - < file)`);
  return Buffer.from(readBounded(0, limits().maxBytes)).toString('utf8');
}

/** Standard input, read to its end; refused on a terminal, where it would wait for a person to type a cassette. */
export function readStdin(): Uint8Array {
  if (process.stdin.isTTY) throw new UsageError('- reads a cassette from standard input, but standard input is a terminal (pipe a file in: cassette show - < file.yaml)');
  try {
    return readBounded(0, limits().maxBytes);
  } catch (error) {
    if (error instanceof CassetteInputError) throw error;
    throw new CassetteInputError(`cannot read standard input (${fsMessage(error)})`);
  }
}

export function readInputFile(file: InputFile): Uint8Array {
  return file.stdin ? readStdin() : readInput(file.path);
}

/**
 * At most `max` bytes of an open file: a larger regular file is refused from its size at once, and
 * a stream without end (a pipe on standard input) is cut off at the limit, so memory stays bounded.
 */
function readBounded(fd: number, max: number): Buffer {
  const stat = fstatSync(fd);
  if (stat.isFile() && stat.size > max) throw sizeLimitError(`the file (${stat.size} bytes)`);
  if (stat.isFile()) return readRegular(fd, stat.size, max);
  const chunks: Buffer[] = [];
  let total = 0;
  // Read to the end, never past the limit: one byte over it tells "at the limit" from "more to come".
  let want = stat.isFile() ? stat.size + 1 : 64 * 1024;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(want, max - total + 1));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking pipe with nothing yet: wait a moment and read again.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > max) throw sizeLimitError('the input');
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    want = 1024 * 1024;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

const SCRATCH = 64 * 1024;

/**
 * A regular file, read 64 KiB at a time into one small buffer and copied from there into a buffer
 * of the file's size. A large buffer the kernel fills in one read is slow to scan the first time
 * (~2.5 ms per MiB on the bench machine, where the first pass over a 10 MiB cassette, the list
 * split, cost 20-30 ms more than the second); filled by our own copy it is not, and the copy costs
 * less than that. A file that grows while it is read is read on, up to `max`.
 */
function readRegular(fd: number, size: number, max: number): Buffer {
  const scratch = Buffer.allocUnsafe(SCRATCH);
  let out: Buffer | undefined;
  let total = 0;
  for (;;) {
    const n = readSync(fd, scratch, 0, SCRATCH, null);
    if (n === 0) break;
    if (total + n > max) throw sizeLimitError('the input');
    out ??= Buffer.allocUnsafe(size);
    if (total + n > out.length) {
      const grown = Buffer.allocUnsafe(Math.min(max, Math.max(2 * out.length, total + n)));
      out.copy(grown, 0, 0, total);
      out = grown;
    }
    scratch.copy(out, total, 0, n);
    total += n;
  }
  if (out === undefined) return Buffer.alloc(0);
  return total === out.length ? out : out.subarray(0, total);
}
