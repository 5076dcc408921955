import { sanitizeLine } from '../../text/sanitize.js';
import type { CassetteDiff } from '../types.js';
import { pairLabel, pairWhat } from './pair-text.js';

/** `--stat`: one line per interaction pair, the headline (status changes first) in brackets. */
export function renderDiffStat(diff: CassetteDiff): string {
  const lines = diff.interactions.map((d) => {
    const count = d.status === 'changed' ? (d.request?.summary.length ?? 0) + (d.response?.summary.length ?? 0) : 0;
    const what = d.status === 'same' && !d.moved && !d.noise ? '' : `  (${pairWhat(d)})`;
    return `${pairLabel(d).padEnd(10)} ${d.status.padEnd(8)} ${String(count).padStart(3)} ${count === 1 ? 'change ' : 'changes'}  ${sanitizeLine(d.label)}${sanitizeLine(what)}`;
  });
  return `${lines.join('\n')}\n`;
}
