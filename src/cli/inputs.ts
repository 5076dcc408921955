import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CASSETTE_FILE = /\.(ya?ml|json|har|httprr)(\.gz)?$/i;
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

export function readInput(path: string): Uint8Array {
  return readFileSync(path);
}
