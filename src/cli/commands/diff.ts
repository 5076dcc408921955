import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diffCassettes, diffWithin } from '../../diff/compare.js';
import { diffJsonValue } from '../../diff/render/json.js';
import { renderDiffMarkdown } from '../../diff/render/markdown.js';
import { renderDiffStat } from '../../diff/render/stat.js';
import { renderDiffText } from '../../diff/render/text.js';
import type { CassetteDiff, DiffOptions } from '../../diff/types.js';
import { loadCassette, openCassette } from '../../load.js';
import { NotCassetteError, NotHttpError, UsageError } from '../../model/errors.js';
import type { Cassette } from '../../model/types.js';
import { changedFiles, gitRoot, isRevision, parentOf, showFile } from '../git.js';
import { CASSETTE_FILE, STDIN_PATH, readInput, readPathOrStdin } from '../inputs.js';
import { errorLine, skippedLines, type FileError, type InputOutcome } from '../load-files.js';
import { paletteFor, useColor, writeOut } from '../terminal.js';

export interface DiffFlags {
  json?: boolean;
  markdown?: boolean;
  stat?: boolean;
  patch?: boolean;
  from?: string;
  to?: string;
  git?: boolean;
  showNoise?: boolean;
  ignore?: string[];
  format?: string;
  provider?: string;
  color?: boolean;
}

const EMPTY = (path: string): Cassette => ({ path, format: 'none', interactions: [], warnings: [], data: null, sourceKind: 'text', text: '', gzipped: false, locate: () => undefined });

function load(bytes: Uint8Array | undefined, path: string, flags: DiffFlags): Cassette {
  if (bytes === undefined || path === '/dev/null') return EMPTY(path);
  return loadCassette(bytes, path, { format: flags.format });
}

const label = (path: string) => (path === '-' ? STDIN_PATH : path);

function indexFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} needs an interaction index, got "${value}"`);
  return Number(value);
}

// git calls an external diff driver with: path old-file old-hex old-mode new-file new-hex new-mode.
function isExternalDiff(args: readonly string[]): boolean {
  return args.length === 7 && /^[0-9a-f]{7,64}$/.test(args[2]!) && /^([0-7]{6}|\.)$/.test(args[3]!);
}

export function diffCommand(args: string[], flags: DiffFlags): void {
  const options: DiffOptions = { showNoise: flags.showNoise, ignore: flags.ignore, provider: flags.provider };
  const diffs: CassetteDiff[] = [];
  const errors: FileError[] = [];
  const attempt = (path: string, run: () => CassetteDiff) => {
    try {
      diffs.push(run());
    } catch (error) {
      if (error instanceof UsageError) throw error;
      errors.push({ path, message: errorLine(path, error) });
    }
  };
  const skipped: InputOutcome['skipped'] = { notCassette: 0, notHttp: new Map(), entries: [] };
  const external = !flags.git && isExternalDiff(args);
  if (flags.git) {
    const root = gitRoot();
    const rev = args[0] !== undefined && !existsSync(args[0]) && isRevision(root, args[0]) ? args[0] : undefined;
    const paths = rev ? args.slice(1) : args;
    const base = rev ? parentOf(root, rev) : 'HEAD';
    for (const file of changedFiles(root, base, rev, paths).filter((f) => CASSETTE_FILE.test(f))) {
      // The walk policy of every command: a changed file that is not a cassette is skipped and counted.
      let pair: [Cassette, Cassette];
      try {
        const after = rev ? showFile(root, rev, file) : existsSync(join(root, file)) ? readInput(join(root, file)) : undefined;
        pair = [load(showFile(root, base, file), `${base}:${file}`, flags), load(after, rev ? `${rev}:${file}` : file, flags)];
      } catch (error) {
        if (error instanceof UsageError) throw error;
        if (error instanceof NotHttpError) skipped.notHttp.set(error.what, (skipped.notHttp.get(error.what) ?? 0) + 1);
        else if (error instanceof NotCassetteError) skipped.notCassette++;
        else errors.push({ path: file, message: errorLine(file, error) });
        continue;
      }
      attempt(file, () => diffCassettes(pair[0], pair[1], options));
    }
  } else if (external) {
    const [path, oldFile, , , newFile] = args as [string, string, string, string, string];
    attempt(path, () => diffCassettes(load(oldFile === '/dev/null' ? undefined : readInput(oldFile), `a/${path}`, flags), load(newFile === '/dev/null' ? undefined : readInput(newFile), `b/${path}`, flags), options));
  } else if (args.length === 1) {
    const from = indexFlag(flags.from, '--from');
    const to = indexFlag(flags.to, '--to');
    attempt(args[0]!, () => {
      // One file is compared step by step as it is read, one interaction at a time.
      const stream = openCassette(readPathOrStdin(args[0]!), label(args[0]!), { format: flags.format });
      const count = stream.interactionCount;
      for (const i of [from, to]) if (i !== undefined && i >= count) throw new UsageError(`${args[0]}: no interaction ${i} (it has ${count})`);
      return diffWithin(stream.cassette, { ...options, from, to }, { count, interactions: stream.interactions() });
    });
  } else if (args.length === 2) {
    const [a, b] = args.map((path) => {
      try {
        return load(readPathOrStdin(path), label(path), flags);
      } catch (error) {
        errors.push({ path, message: errorLine(path, error) });
        return undefined;
      }
    });
    if (a && b) attempt(b.path, () => diffCassettes(a, b, options));
  } else throw new UsageError('diff takes FILE (within one cassette), OLD NEW, or --git [REV] [PATHS...]');

  if (flags.json) writeOut(`${JSON.stringify({ diffs: diffs.map(diffJsonValue), errors }, null, 2)}\n`);
  else if (flags.markdown) writeOut(diffs.map(renderDiffMarkdown).join('\n'));
  else if (flags.stat) writeOut(diffs.map((d) => `${d.before} → ${d.after}\n${renderDiffStat(d)}`).join('\n'));
  else {
    const palette = paletteFor(useColor(flags));
    writeOut(diffs.map((d) => renderDiffText(d, { palette, patch: flags.patch !== false, showNoise: flags.showNoise })).join('\n'));
  }
  for (const line of skippedLines(skipped)) process.stderr.write(`${line}\n`);
  for (const e of errors) process.stderr.write(`error: ${e.message}\n`);
  // An external diff driver must exit 0 or git stops; differences are in the output.
  if (external && errors.length === 0) process.exitCode = 0;
  else process.exitCode = errors.length > 0 ? 2 : diffs.some((d) => d.different) ? 1 : 0;
}
