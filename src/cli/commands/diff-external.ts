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
 * `--json` under git: git runs the driver once per file and concatenates what each run prints, so
 * no run can print one JSON document of the whole diff. Each prints one line instead, a JSON
 * object holding what the text output prints as git's header lines (JSON Lines: `jq -c`, or
 * `JSON.parse` per line, reads the whole `git diff`).
 */
function jsonLine(call: ExternalDiffCall, fields: { diff?: unknown; notes?: string[]; sameBytes?: boolean; error?: string }): string {
  const status = call.unmerged ? 'unmerged' : !call.old ? 'added' : !call.new ? 'deleted' : call.path === call.newPath ? 'modified' : /^copy from /m.test(call.header ?? '') ? 'copied' : 'renamed';
  const value = {
    path: call.path,
    newPath: call.newPath,
    status,
    oldMode: call.old?.mode ?? null,
    newMode: call.new?.mode ?? null,
    header: externalDiffHeader(call),
    diff: fields.diff ?? null,
    notes: fields.notes ?? [],
    ...(fields.sameBytes !== undefined ? { sameBytes: fields.sameBytes } : {}),
    ...(fields.error !== undefined ? { error: fields.error } : {}),
  };
  return `${JSON.stringify(value)}\n`;
}

/**
 * `cassette diff` run by git as `diff.<driver>.command` or GIT_EXTERNAL_DIFF, for every shape git
 * calls it with: modified, added, deleted, renamed or copied, mode-only, unmerged. It exits 0 whatever
 * differs (git stops its whole diff on any other exit), and 2 only when a file git handed cannot be
 * read. A side that is not a cassette (a binary, a truncated file) gets a one-line note instead of a
 * diff, so one odd file never ends `git diff` or `git log -p`. With `--json`, one JSON line per file.
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
    const message = errorLine(call.path, error);
    if (flags.json) writeOut(jsonLine(call, { error: message }));
    else if (lines.length > 0) writeOut(`${lines.join('\n')}\n`);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 2;
    return;
  }
  if (call.unmerged) {
    writeOut(flags.json ? jsonLine(call, {}) : `${lines.join('\n')}\n`);
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
  const diff = a && b ? diffCassettes(a, b, options) : undefined;
  // As git says of binary files: whether the bytes differ, never the bytes.
  const same = bytes[0] !== undefined && bytes[1] !== undefined && Buffer.from(bytes[0]).equals(bytes[1]);
  process.exitCode = 0;
  if (flags.json) return writeOut(jsonLine(call, diff ? { diff: diffJsonValue(diff) } : { notes, sameBytes: same }));
  const out = lines.length > 0 ? [`${lines.join('\n')}\n`] : [];
  if (diff) {
    const layout = flags.markdown ? undefined : await loadTerminalLayout();
    const fit = (text: string) => (layout ? layout.fit(text) : text);
    if (flags.markdown) out.push(renderDiffMarkdown(diff));
    else if (flags.stat) out.push(fit(`${diff.before} → ${diff.after}\n${renderDiffStat(diff)}`));
    else out.push(fit(renderDiffText(diff, { palette: paletteFor(useColor(flags)), patch: flags.patch !== false, showNoise: flags.showNoise })));
  } else out.push(`${notes.join('\n')}\n${same ? `${before} and ${after} have the same bytes` : `${before} and ${after} differ`}\n`);
  writeOut(out.join(''));
}
