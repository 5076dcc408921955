import type { CassetteDiff } from '../types.js';
import { pairLabel, pairWhat } from './pair-text.js';

// Cassette text lands in a PR comment: code spans and escaped pipes keep it inert.
export const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;

/** `--markdown`: a pull-request comment, one section per changed interaction. */
export function renderDiffMarkdown(diff: CassetteDiff): string {
  const changed = diff.interactions.filter((d) => d.status !== 'same');
  const order = diff.orderChanged ? ' (order changed)' : '';
  const out = [`### Cassette diff: ${code(diff.after)}`, '', changed.length === 0 ? `No differences${order}.` : `${changed.length} of ${diff.interactions.length} interactions differ${order}.`, ''];
  for (const d of changed) {
    out.push(`**${pairLabel(d)}** ${code(d.label)}: ${code(pairWhat(d))}`, '');
    for (const line of [...(d.request?.summary ?? []), ...(d.response?.summary ?? [])]) out.push(`- ${code(line.text)}`);
    out.push('');
  }
  return out.join('\n');
}
