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
  const p = o.palette;
  const out: string[] = o.title !== undefined ? [p.bold(`=== ${sanitizeLine(o.title)}`)] : [p.bold(`--- ${sanitizeLine(diff.before)}`), p.bold(`+++ ${sanitizeLine(diff.after)}`)];
  for (const d of diff.interactions) if (!o.onlyChanged || d.status !== 'same' || d.moved || (o.showNoise && d.noise)) out.push('', ...interactionLines(d, o));
  const changed = diff.interactions.filter((d) => d.status !== 'same').length;
  const order = diff.orderChanged ? ' (order changed)' : '';
  out.push('', changed === 0 ? p.green(`no differences${order}`) : `${changed} of ${diff.interactions.length} ${diff.mode === 'within' ? 'steps' : 'interactions'} differ${order}`);
  return `${out.join('\n')}\n`;
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
