import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CassetteInputError } from '../model/errors.js';

export const CASSETTE_FILE = /\.(ya?ml|json|har|httprr)(\.gz)?$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.venv', '__pycache__']);

export interface InputFile {
  path: string;
}

export interface InputProblem {
  path: string;
  message: string;
}

/** Files named on the command line, and cassette files found by walking directories (sorted, recursive). */
export function expandInputs(args: readonly string[]): { files: InputFile[]; problems: InputProblem[] } {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      problems.push({ path: arg, message: 'no such file or directory' });
      continue;
    }
    if (stat.isDirectory()) walk(arg, files);
    else files.push({ path: arg });
  }
  return { files, problems };
}

function walk(dir: string, out: InputFile[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(full, out);
    } else if (e.isFile() && CASSETTE_FILE.test(e.name) && !/^(package(-lock)?|tsconfig|MANIFEST)\b/.test(e.name)) {
      out.push({ path: full });
    }
  }
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** A file's bytes; a missing or unreadable file is an input error, not a crash. */
export function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CassetteInputError(FS_ERRORS[code] ?? `cannot read file (${code || (error as Error).message})`);
  }
}
