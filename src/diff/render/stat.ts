import { sanitizeLine } from '../../text/sanitize.js';
import { headline } from '../summary.js';
import type { CassetteDiff } from '../types.js';

/** `--stat`: one line per interaction pair. */
export function renderDiffStat(diff: CassetteDiff): string {
  const lines = diff.interactions.map((d) => {
    const pair = `${d.before === undefined ? '—' : `#${d.before}`} → ${d.after === undefined ? '—' : `#${d.after}`}`;
    const what = d.status === 'changed' ? headline([...(d.request?.summary ?? []), ...(d.response?.summary ?? [])]) : d.status;
    const count = (d.request?.changes.length ?? 0) + (d.response?.changes.length ?? 0);
    return `${pair.padEnd(10)} ${d.status.padEnd(8)} ${String(count).padStart(3)} ${count === 1 ? 'change ' : 'changes'}  ${sanitizeLine(d.label)}${d.status === 'changed' ? `  (${what})` : ''}`;
  });
  return `${lines.join('\n')}\n`;
}
