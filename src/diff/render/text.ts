import type { Palette } from '../../render/palette.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { headline } from '../summary.js';
import type { CassetteDiff, InteractionDiff, SideDiff } from '../types.js';
import { unifiedDiff } from './patch.js';

export interface DiffTextOptions {
  palette: Palette;
  /** Print the unified diff of canonical JSON after the summary. */
  patch: boolean;
}

const index = (n: number | undefined) => (n === undefined ? '—' : `#${n}`);

/** `#0 → #1 POST host/path: 2 messages appended` and the summary lines, then the patch. */
export function renderDiffText(diff: CassetteDiff, o: DiffTextOptions): string {
  const p = o.palette;
  const out: string[] = [p.bold(`--- ${sanitizeLine(diff.before)}`), p.bold(`+++ ${sanitizeLine(diff.after)}`)];
  for (const d of diff.interactions) out.push('', ...interactionLines(d, o));
  const changed = diff.interactions.filter((d) => d.status !== 'same').length;
  out.push('', changed === 0 ? p.green('no differences') : `${changed} of ${diff.interactions.length} ${diff.mode === 'within' ? 'steps' : 'interactions'} differ`);
  return `${out.join('\n')}\n`;
}

function interactionLines(d: InteractionDiff, o: DiffTextOptions): string[] {
  const p = o.palette;
  const head = `${p.bold(`${index(d.before)} → ${index(d.after)}`)} ${sanitizeLine(d.label)}`;
  if (d.status === 'added') return [`${head}: ${p.green('interaction added')}`];
  if (d.status === 'removed') return [`${head}: ${p.red('interaction removed')}`];
  if (d.status === 'same') return [`${head}: ${p.dim('no differences')}`];
  const lines = [`${head}: ${headline([...(d.request?.summary ?? []), ...(d.response?.summary ?? [])])}`];
  lines.push(...sideLines('request', d.request, o), ...sideLines('response', d.response, o));
  return lines;
}

function sideLines(name: string, side: SideDiff | undefined, o: DiffTextOptions): string[] {
  if (!side || side.changes.length === 0) return [];
  const lines = [`  ${o.palette.bold(name)}`, ...side.summary.map((l) => `    ${sanitizeLine(l.text)}`)];
  if (o.patch) lines.push(...unifiedDiff(side.before, side.after, o.palette).map((l) => `    ${l}`));
  return lines;
}
