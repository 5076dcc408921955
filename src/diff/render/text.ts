import type { Palette } from '../../render/palette.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { CassetteDiff, InteractionDiff, SideDiff } from '../types.js';
import { unifiedDiff } from './patch.js';
import { pairLabel, pairWhat } from './pair-text.js';

export interface DiffTextOptions {
  palette: Palette;
  /** Print the unified diff of canonical JSON after the summary. */
  patch: boolean;
  /** List noise (consistently renamed ids). */
  showNoise?: boolean | undefined;
  /** Leave out pairs without differences (a count replaces them), as `--git` does. */
  onlyChanged?: boolean | undefined;
  /** One heading instead of the `---`/`+++` pair (the file's path under `--git`). */
  title?: string | undefined;
}

/** `#0 → #1 POST host/path: 2 messages appended` and the summary lines, then the patch. */
export function renderDiffText(diff: CassetteDiff, o: DiffTextOptions): string {
  let text = renderDiffTextHead(diff, o);
  for (const d of diff.interactions) text += renderDiffTextStep(d, o);
  const changed = diff.interactions.filter((d) => d.status !== 'same').length;
  return text + renderDiffTextFoot({ changed, total: diff.interactions.length, mode: diff.mode, orderChanged: diff.orderChanged }, o);
}

/*
 * renderDiffText in three parts, for output written as each pair is made (diff FILE): the head,
 * each pair's block, and the count at the end. Their concatenation is renderDiffText's text, each
 * part ends with a newline, so a line-by-line fit of each part is the fit of the whole.
 */

/** The `---`/`+++` pair (or the `===` title) that opens a diff. */
export function renderDiffTextHead(diff: { before: string; after: string }, o: DiffTextOptions): string {
  const p = o.palette;
  return `${o.title !== undefined ? p.bold(`=== ${sanitizeLine(o.title)}`) : `${p.bold(`--- ${sanitizeLine(diff.before)}`)}\n${p.bold(`+++ ${sanitizeLine(diff.after)}`)}`}\n`;
}

/** One pair's block after a blank line, or '' for a pair `onlyChanged` leaves out. */
export function renderDiffTextStep(d: InteractionDiff, o: DiffTextOptions): string {
  if (o.onlyChanged && d.status === 'same' && !d.moved && !(o.showNoise && d.noise)) return '';
  return `\n${interactionLines(d, o).join('\n')}\n`;
}

/** The closing count after a blank line: `no differences` or `3 of 9 steps differ`. */
export function renderDiffTextFoot(counts: { changed: number; total: number; mode: CassetteDiff['mode']; orderChanged?: boolean | undefined }, o: DiffTextOptions): string {
  const order = counts.orderChanged ? ' (order changed)' : '';
  const line = counts.changed === 0 ? o.palette.green(`no differences${order}`) : `${counts.changed} of ${counts.total} ${counts.mode === 'within' ? 'steps' : 'interactions'} differ${order}`;
  return `\n${line}\n`;
}

function interactionLines(d: InteractionDiff, o: DiffTextOptions): string[] {
  const p = o.palette;
  const head = `${p.bold(pairLabel(d))} ${sanitizeLine(d.label)}`;
  const what = sanitizeLine(pairWhat(d));
  const colour = d.status === 'added' ? p.green : d.status === 'removed' ? p.red : d.status === 'same' ? p.dim : (s: string) => s;
  const lines = [`${head}: ${colour(what)}`];
  if (d.status === 'changed') lines.push(...sideLines('request', d.request, o), ...sideLines('response', d.response, o));
  if (o.showNoise && d.noise?.length) lines.push(`  ${p.bold('noise')}`, ...d.noise.map((n) => `    ${p.dim(sanitizeLine(n))}`));
  return lines;
}

function sideLines(name: string, side: SideDiff | undefined, o: DiffTextOptions): string[] {
  if (!side || side.summary.length === 0) return [];
  const lines = [`  ${o.palette.bold(name)}`, ...side.summary.map((l) => `    ${sanitizeLine(l.text)}`)];
  if (o.patch && side.before !== side.after) lines.push(...unifiedDiff(side.before, side.after, o.palette).map((l) => `    ${l}`));
  return lines;
}
