import { diffCassetteStreams, diffCassettes, diffWithin, diffWithinSteps, type InteractionSource } from '../../diff/compare.js';
import { diffJsonValue } from '../../diff/render/json.js';
import { renderDiffMarkdown } from '../../diff/render/markdown.js';
import { renderDiffStat } from '../../diff/render/stat.js';
import { renderDiffText, renderDiffTextFoot, renderDiffTextHead, renderDiffTextStep } from '../../diff/render/text.js';
import { invalidIgnorePattern } from '../../diff/ignore-pattern.js';
import type { CassetteDiff, DiffOptions } from '../../diff/types.js';
import { loadCassette, openCassette, type CassetteStream } from '../../load.js';
import { UsageError } from '../../model/errors.js';
import { emptyCassette } from '../../model/empty-cassette.js';
import type { Cassette } from '../../model/types.js';
import { parseExternalDiff } from '../external-diff.js';
import { noInteraction } from '../interaction-spec.js';
import { STDIN_PATH, readPathOrStdin } from '../inputs.js';
import { openInput, type OpenedFile } from '../file-work.js';
import { errorLine, type FileError } from '../load-files.js';
import { checkProviderFlag } from '../provider-flag.js';
import { loadTerminalLayout, paletteFor, useColor, writeOut } from '../terminal.js';

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

function load(bytes: Uint8Array | undefined, path: string, flags: DiffFlags): Cassette {
  if (bytes === undefined || path === '/dev/null') return emptyCassette(path);
  return loadCassette(bytes, path, { format: flags.format });
}

const label = (path: string) => (path === '-' ? STDIN_PATH : path);

/**
 * OLD NEW read one interaction at a time (see diffCassetteStreams); undefined when either file
 * fails anywhere, so the caller reads both whole and reports exactly what it always did.
 */
function diffStreamed(x: { path: string; bytes: Uint8Array }, y: { path: string; bytes: Uint8Array }, flags: DiffFlags, options: DiffOptions): CassetteDiff | undefined {
  try {
    const source = ({ path, bytes }: { path: string; bytes: Uint8Array }): InteractionSource => {
      const first = openCassette(bytes, label(path), { format: flags.format });
      let fresh: CassetteStream | undefined = first;
      return {
        path: first.cassette.path,
        count: first.interactionCount,
        interactions: () => {
          const stream = fresh ?? openCassette(bytes, label(path), { format: flags.format });
          fresh = undefined;
          return stream.interactions();
        },
      };
    };
    return diffCassetteStreams(source(x), source(y), options);
  } catch {
    return undefined;
  }
}

async function jsonCostOptions(): Promise<Pick<DiffOptions, 'costOf'>> {
  const [{ genaiPrices }, { rememberPrices }, { costOptions }] = await Promise.all([import('../../cost/genai-prices.js'), import('../../cost/remembered-prices.js'), import('../../diff/rewritten.js')]);
  return { costOf: costOptions(rememberPrices(genaiPrices)).costOf };
}

function indexFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} needs an interaction index, got "${value}"`);
  return Number(value);
}

export async function diffCommand(args: string[], flags: DiffFlags): Promise<void> {
  if ([flags.json, flags.markdown, flags.stat].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --markdown, --stat');
  checkProviderFlag(flags.provider);
  const badIgnore = invalidIgnorePattern(flags.ignore ?? []);
  if (badIgnore !== undefined) throw new UsageError(`--ignore: '${badIgnore}' is not a JSON path pattern (keys joined by '.', [N] or [*] for an index, * for any key: messages[*].cache_control)`);
  if ((flags.from !== undefined || flags.to !== undefined) && (flags.git || args.length !== 1)) throw new UsageError('--from and --to pick two interactions within one cassette: diff FILE --from N --to M');
  // Only the text output's patch prints the pretty-printed sides: the others skip making them.
  const texts = !flags.json && !flags.markdown && !flags.stat && flags.patch !== false;
  const options: DiffOptions = { showNoise: flags.showNoise, ignore: flags.ignore, provider: flags.provider, texts };
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
  if (flags.git) return (await import('./diff-git.js')).diffGit(args, flags, options);
  // Called by git as an external diff driver (diff.<driver>.command, GIT_EXTERNAL_DIFF).
  // --json's totals carry cost (recorded, else the list-price estimate) as `diff --git`'s do; the
  // big price table is loaded only for them.
  if (flags.json) Object.assign(options, await jsonCostOptions());
  const call = parseExternalDiff(args, process.env);
  if (call) return (await import('./diff-external.js')).diffExternal(call, flags, options);
  if (args.length === 1) {
    const from = indexFlag(flags.from, '--from');
    const to = indexFlag(flags.to, '--to');
    // One file is compared step by step as it is read, one interaction at a time; a large one is
    // not held meanwhile, as with show and cost (openInput).
    let opened: OpenedFile | undefined;
    const open = () => {
      opened = openInput({ path: args[0]!, arg: 0, explicit: true, stdin: args[0] === '-' }, true);
      const stream = openCassette(opened.bytes, label(args[0]!), { format: flags.format, reread: opened.reread });
      const count = stream.interactionCount;
      for (const i of [from, to]) if (i !== undefined && i >= count) throw new UsageError(`${args[0]}: ${noInteraction(i, count)}`);
      // --from alone runs to the last interaction, --to alone from the first: an interaction is never compared with itself.
      if ((from !== undefined || to !== undefined) && (from ?? 0) === (to ?? count - 1)) throw new UsageError(`${args[0]}: --from and --to both name interaction ${from ?? 0} (--from defaults to the first, --to to the last); name two different ones (it has ${count}: #0-#${count - 1})`);
      return stream;
    };
    try {
      if (!flags.json && !flags.markdown && !flags.stat) return await diffWithinText(args[0]!, open, { ...options, from, to }, flags);
      attempt(args[0]!, () => {
        const stream = open();
        return diffWithin(stream.cassette, { ...options, from, to }, { count: stream.interactionCount, interactions: stream.interactions() });
      });
    } finally {
      opened?.close();
    }
  } else if (args.length === 2) {
    // Standard input holds one cassette: read twice, its second side would be an "empty file".
    if (args[0] === '-' && args[1] === '-') throw new UsageError('- (standard input) can be given only once');
    const inputs = args.map((path) => {
      try {
        return { path, bytes: readPathOrStdin(path) };
      } catch (error) {
        errors.push({ path, message: errorLine(path, error) });
        return undefined;
      }
    });
    const [x, y] = inputs;
    if (x && y) {
      const streamed = diffStreamed(x, y, flags, options);
      if (streamed) diffs.push(streamed);
      else {
        // A file that does not stream to its end is read whole, for the error (and the result) as before.
        const [a, b] = [x, y].map(({ path, bytes }) => {
          try {
            return load(bytes, label(path), flags);
          } catch (error) {
            errors.push({ path, message: errorLine(path, error) });
            return undefined;
          }
        });
        if (a && b) attempt(b.path, () => diffCassettes(a, b, options));
      }
    }
  } else throw new UsageError('diff takes FILE (within one cassette), OLD NEW, or --git [REV] [PATHS...]');

  // On a terminal, rows longer than it wrap with an indent (the wrapping code is loaded only then).
  const layout = flags.json || flags.markdown ? undefined : await loadTerminalLayout();
  const fit = (text: string) => (layout ? layout.fit(text) : text);
  if (flags.json) writeOut(`${JSON.stringify({ diffs: diffs.map(diffJsonValue), errors }, null, 2)}\n`);
  else if (flags.markdown) writeOut(diffs.map(renderDiffMarkdown).join('\n'));
  else if (flags.stat) writeOut(fit(diffs.map((d) => `${d.before} → ${d.after}\n${renderDiffStat(d)}`).join('\n')));
  else {
    const palette = paletteFor(useColor(flags));
    writeOut(fit(diffs.map((d) => renderDiffText(d, { palette, patch: flags.patch !== false, showNoise: flags.showNoise })).join('\n')));
  }
  for (const e of errors) process.stderr.write(`error: ${e.message}\n`);
  process.exitCode = errors.length > 0 ? 2 : diffs.some((d) => d.different) ? 1 : 0;
}

/**
 * diff FILE's text output, written as each step is made and then let go, so a large cassette's
 * results are never all held (the text is renderDiffText's, byte for byte). A file that breaks
 * midway shows the steps read before the break, then the error (exit 2), as `show` does.
 */
async function diffWithinText(path: string, open: () => CassetteStream, options: DiffOptions & { from?: number | undefined; to?: number | undefined }, flags: DiffFlags): Promise<void> {
  const layout = await loadTerminalLayout();
  // Steps are written 64 KiB at a time: one write per step (a thousand in a 10 MiB cassette) cost
  // a system call and a pass through the stream machinery each.
  let pending = '';
  const flush = () => {
    if (pending !== '') writeOut(pending);
    pending = '';
  };
  const write = (text: string) => {
    pending += layout ? layout.fit(text) : text;
    if (pending.length >= 1 << 16) flush();
  };
  const o = { palette: paletteFor(useColor(flags)), patch: flags.patch !== false, showNoise: flags.showNoise };
  let counts: { changed: number; total: number } | undefined;
  try {
    const stream = open();
    write(renderDiffTextHead({ before: stream.cassette.path, after: stream.cassette.path }, o));
    counts = { changed: 0, total: 0 };
    for (const step of diffWithinSteps(options, { count: stream.interactionCount, interactions: stream.interactions() })) {
      write(renderDiffTextStep(step, o));
      counts.total++;
      if (step.status !== 'same') counts.changed++;
    }
  } catch (error) {
    flush(); // what was read before the break, then the error
    if (error instanceof UsageError) throw error;
    process.stderr.write(`error: ${errorLine(path, error)}\n`);
    process.exitCode = 2;
    return;
  }
  write(renderDiffTextFoot({ ...counts, mode: 'within' }, o));
  flush();
  process.exitCode = counts.changed > 0 ? 1 : 0;
}
