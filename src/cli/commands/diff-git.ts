import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rememberPrices } from '../../cost/remembered-prices.js';
import { type FileDiff, summarizeCommit } from '../../diff/commit.js';
import { diffCassettes } from '../../diff/compare.js';
import { costOptions, diffRewrittenBytes, type RewrittenOptions } from '../../diff/rewritten.js';
import { renderCommitMarkdown } from '../../diff/render/commit-markdown.js';
import { renderCommitStat } from '../../diff/render/commit-stat.js';
import { renderCommitText } from '../../diff/render/commit-text.js';
import { diffJsonValue, totalsJson } from '../../diff/render/json.js';
import type { DiffOptions } from '../../diff/types.js';
import { loadCassette } from '../../load.js';
import { CassetteInputError, NotCassetteError, NotHttpError, UsageError } from '../../model/errors.js';
import { emptyCassette } from '../../model/empty-cassette.js';
import { blobReader, type ChangedFile, changedFiles, rootAndRevision, unknownPaths, worktreeBase, worktreeBlobs } from '../git.js';
import { CASSETTE_FILE, readInput } from '../inputs.js';
import { errorLine, type FileError, skippedLines } from '../load-files.js';
import { loadTerminalLayout, paletteFor, useColor, writeOut } from '../terminal.js';
import type { DiffFlags } from './diff.js';

// Named like a cassette but known not to be one: manifests, lock files, CI workflows.
const NOT_CASSETTE = /(^|\/)(package(-lock)?\.json|tsconfig[^/]*\.json|composer\.(json|lock)|[^/]*\.lock\.json|pnpm-lock\.yaml|yarn\.lock|\.github\/.*|\.pre-commit[^/]*|\.gitlab-ci\.yml|docker-compose[^/]*|mkdocs\.yml|codecov\.yml|\.golangci\.ya?ml|renovate\.json)$/i;

// An empty blob (a file emptied or created empty) is not a cassette either.
function isNotCassette(error: unknown): boolean {
  return error instanceof NotCassetteError || (error instanceof CassetteInputError && error.message.startsWith('empty file'));
}

/**
 * `cassette diff --git [REV|A..B|A...B] [PATHS...]`: every cassette changed in REV (or in the
 * range, or in the work tree against HEAD), read through one `git cat-file --batch`, compared by meaning, totals first.
 * Files that are not cassettes are skipped and counted; one bad cassette does not stop the rest.
 */
export async function diffGit(args: readonly string[], flags: DiffFlags, diffOptions: DiffOptions): Promise<void> {
  // The young generation stays as small as bin/ sets it: V8's usual growth (doubling) collected less
  // often but touched ~30 MB more memory, and those page faults cost more than the collections
  // saved (bench:diff, 11 runs each: 6% less CPU, 7,000 fewer page faults without it).
  // The price table is big: loaded only here, where totals need it.
  const { genaiPrices } = await import('../../cost/genai-prices.js');
  // Totals carry cost: the recorded one, else the list-price estimate. A re-record repeats the same
  // model and usage on both sides, and a price lookup is the slow part: answers are remembered.
  const options: RewrittenOptions = { ...diffOptions, ...costOptions(rememberPrices(genaiPrices)) };
  // The shortcut leaves out renamed-id notes, which only --json and --show-noise print for same files.
  const shortcut = !flags.json && !flags.showNoise && !diffOptions.ignore?.length;
  const { root, pair } = rootAndRevision(args[0] !== undefined && !existsSync(args[0]) ? args[0] : undefined);
  // Neither a file (on disk, or deleted but in git) nor a revision: a typo, or a commit this clone lacks.
  if (args[0] !== undefined && !pair && unknownPaths(root, ['HEAD', undefined], [args[0]]).length > 0) throw new UsageError(`unknown revision '${args[0]}'`);
  const rev = pair?.target;
  const base = pair?.base ?? worktreeBase(root);
  const paths = pair ? args.slice(1) : args;
  // A path that is nowhere is a typo, not "no differences" (git without `--` stops the same way).
  const unknown = unknownPaths(root, [base, rev], paths)[0];
  if (unknown !== undefined) throw new UsageError(`no such path on disk or in git (${rev ? `${base}, ${rev}` : `${base}, the index`}): '${unknown}'`);
  // A rename between a cassette name and another (`a.yaml` → `a.yaml.bak`) stays a removal and an addition.
  const isCassettePath = (path: string) => CASSETTE_FILE.test(path) && !NOT_CASSETTE.test(path);
  const changed = changedFiles(root, base, rev, paths)
    .flatMap((f): ChangedFile[] => (f.from === undefined || (isCassettePath(f.from) && isCassettePath(f.path)) ? [f] : [{ path: f.from, status: 'removed', oldBlob: f.oldBlob, newBlob: undefined }, { path: f.path, status: 'added', oldBlob: undefined, newBlob: f.newBlob }]))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const skipped: string[] = [];
  const notHttp = new Map<string, number>();
  const candidates = changed.filter((f) => {
    const cassette = isCassettePath(f.path);
    if (!cassette) skipped.push(f.path);
    return cassette;
  });
  // The old sides come from one cat-file, which starts reading them now, while the new sides are
  // looked for in the work tree (usually checked out: diff --git HEAD after a commit), taken when
  // their bytes are the blobs'; the rest are sent to the same cat-file after.
  const reader = blobReader(root);
  reader.send(candidates.flatMap((f) => (f.oldBlob ? [f.oldBlob] : [])));
  const checkedOut = rev === undefined ? new Map<string, Uint8Array>() : worktreeBlobs(root, candidates.flatMap((f) => (f.newBlob ? [{ path: f.path, id: f.newBlob }] : [])));
  reader.send(candidates.flatMap((f) => (f.newBlob && !checkedOut.has(f.newBlob) ? [f.newBlob] : [])));
  const blobs = await reader.done();
  for (const [id, bytes] of checkedOut) blobs.set(id, bytes);
  const files: FileDiff[] = [];
  const errors: FileError[] = [];
  for (const f of candidates) {
    const before = f.oldBlob ? blobs.get(f.oldBlob) : undefined;
    const after = f.newBlob ? blobs.get(f.newBlob) : f.status !== 'removed' && rev === undefined ? readInput(join(root, f.path)) : undefined;
    const load = (bytes: Uint8Array | undefined, path = f.path) => (bytes === undefined ? emptyCassette(path) : loadCassette(bytes, path, { format: flags.format }));
    const sides = (path: string, from = path) => ({ before: `${base}:${from}`, after: rev ? `${rev}:${path}` : path });
    try {
      const old = load(before, f.from);
      const now = () => load(after);
      const diff = (shortcut && before && after && diffRewrittenBytes(old, before, after, options)) || diffCassettes(old, now(), options);
      if (f.from === undefined) files.push({ path: f.path, status: f.status, diff: { ...diff, ...sides(f.path) } });
      // A rename is one file only when it keeps the meaning: two tests' cassettes from one template are
      // "similar" to git, and pairing them would read as one test's calls changed into another's.
      else if (!diff.different) files.push({ path: f.path, status: f.status, from: f.from, diff: { ...diff, ...sides(f.path, f.from) } });
      else {
        files.push({ path: f.from, status: 'removed', diff: { ...diffCassettes(old, emptyCassette(f.from), options), ...sides(f.from) } });
        files.push({ path: f.path, status: 'added', diff: { ...diffCassettes(emptyCassette(f.path), now(), options), ...sides(f.path) } });
      }
    } catch (error) {
      if (error instanceof NotHttpError) notHttp.set(error.what, (notHttp.get(error.what) ?? 0) + 1);
      if (isNotCassette(error)) skipped.push(f.path);
      else errors.push({ path: f.path, message: errorLine(f.path, error) });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const commit = summarizeCommit(files, skipped.sort());
  // On a terminal, rows longer than it wrap with an indent (the wrapping code is loaded only then).
  const layout = flags.json || flags.markdown ? undefined : await loadTerminalLayout();
  const fit = (text: string) => (layout ? layout.fit(text) : text);
  if (flags.json) writeOut(`${JSON.stringify({ commit: { totals: totalsJson(commit.totals), shared: commit.shared, skipped: commit.skipped }, diffs: files.map((f) => ({ path: f.path, ...(f.from !== undefined ? { from: f.from } : {}), status: f.status, ...(diffJsonValue(f.diff) as object) })), errors }, null, 2)}\n`);
  else if (flags.markdown) writeOut(renderCommitMarkdown(commit));
  else if (flags.stat) writeOut(fit(renderCommitStat(commit)));
  else writeOut(fit(renderCommitText(commit, { palette: paletteFor(useColor(flags)), patch: flags.patch !== false, showNoise: flags.showNoise })));
  // The same skip summary on stderr as every command that walks files.
  const notHttpCount = [...notHttp.values()].reduce((a, b) => a + b, 0);
  for (const line of skippedLines({ notCassette: skipped.length - notHttpCount, notHttp, entries: [] })) process.stderr.write(`${line}\n`);
  for (const e of errors) process.stderr.write(`error: ${e.message}\n`);
  process.exitCode = errors.length > 0 ? 2 : commit.different ? 1 : 0;
}
