import { diffCassettes } from '../../diff/compare.js';
import { diffJsonValue } from '../../diff/render/json.js';
import { renderDiffMarkdown } from '../../diff/render/markdown.js';
import { renderDiffStat } from '../../diff/render/stat.js';
import { renderDiffText } from '../../diff/render/text.js';
import type { DiffOptions } from '../../diff/types.js';
import { loadCassette } from '../../load.js';
import { emptyCassette } from '../../model/empty-cassette.js';
import type { Cassette } from '../../model/types.js';
import { externalDiffHeader, type ExternalDiffCall, type ExternalSide } from '../external-diff.js';
import { readInput } from '../inputs.js';
import { errorLine } from '../load-files.js';
import { loadTerminalLayout, paletteFor, useColor, writeOut } from '../terminal.js';
import type { DiffFlags } from './diff.js';

/**
 * `cassette diff` run by git as `diff.<driver>.command` or GIT_EXTERNAL_DIFF, for every shape git
 * calls it with: modified, added, deleted, renamed or copied, mode-only, unmerged. It exits 0 whatever
 * differs (git stops its whole diff on any other exit), and 2 only when a file git handed cannot be
 * read. A side that is not a cassette (a binary, a truncated file) gets a one-line note instead of a
 * diff, so one odd file never ends `git diff` or `git log -p`.
 */
export async function diffExternal(call: ExternalDiffCall, flags: DiffFlags, options: DiffOptions): Promise<void> {
  const lines = externalDiffHeader(call);
  const before = call.old ? `a/${call.path}` : '/dev/null';
  const after = call.new ? `b/${call.newPath}` : '/dev/null';
  const read = (s: ExternalSide | undefined) => (s ? readInput(s.file) : undefined);
  let bytes: [Uint8Array | undefined, Uint8Array | undefined];
  try {
    bytes = call.unmerged ? [undefined, undefined] : [read(call.old), read(call.new)];
  } catch (error) {
    if (lines.length > 0) writeOut(`${lines.join('\n')}\n`);
    process.stderr.write(`error: ${errorLine(call.path, error)}\n`);
    process.exitCode = 2;
    return;
  }
  if (call.unmerged) {
    writeOut(`${lines.join('\n')}\n`);
    process.exitCode = 0;
    return;
  }
  const notes: string[] = [];
  const load = (b: Uint8Array | undefined, label: string): Cassette | undefined => {
    if (b === undefined) return emptyCassette(label);
    try {
      return loadCassette(b, label, { format: flags.format });
    } catch (error) {
      notes.push(`${errorLine(label, error)}: not compared as a cassette`);
      return undefined;
    }
  };
  const [a, b] = [load(bytes[0], before), load(bytes[1], after)];
  const out = lines.length > 0 ? [`${lines.join('\n')}\n`] : [];
  if (a && b) {
    const diff = diffCassettes(a, b, options);
    const layout = flags.json || flags.markdown ? undefined : await loadTerminalLayout();
    const fit = (text: string) => (layout ? layout.fit(text) : text);
    if (flags.json) out.push(`${JSON.stringify(diffJsonValue(diff), null, 2)}\n`);
    else if (flags.markdown) out.push(renderDiffMarkdown(diff));
    else if (flags.stat) out.push(fit(`${diff.before} → ${diff.after}\n${renderDiffStat(diff)}`));
    else out.push(fit(renderDiffText(diff, { palette: paletteFor(useColor(flags)), patch: flags.patch !== false, showNoise: flags.showNoise })));
  } else {
    // As git says of binary files: whether the bytes differ, never the bytes.
    const same = bytes[0] !== undefined && bytes[1] !== undefined && Buffer.from(bytes[0]).equals(bytes[1]);
    out.push(`${notes.join('\n')}\n${same ? `${before} and ${after} have the same bytes` : `${before} and ${after} differ`}\n`);
  }
  writeOut(out.join(''));
  process.exitCode = 0;
}
