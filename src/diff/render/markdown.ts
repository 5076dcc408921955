import { headline } from '../summary.js';
import type { CassetteDiff } from '../types.js';

// Cassette text lands in a PR comment: code spans and escaped pipes keep it inert.
const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;

/** `--markdown`: a pull-request comment, one section per changed interaction. */
export function renderDiffMarkdown(diff: CassetteDiff): string {
  const changed = diff.interactions.filter((d) => d.status !== 'same');
  const out = [`### Cassette diff: ${code(diff.after)}`, '', changed.length === 0 ? 'No differences.' : `${changed.length} of ${diff.interactions.length} interactions differ.`, ''];
  for (const d of changed) {
    const pair = `${d.before === undefined ? '—' : `#${d.before}`} → ${d.after === undefined ? '—' : `#${d.after}`}`;
    const what = d.status === 'changed' ? headline([...(d.request?.summary ?? []), ...(d.response?.summary ?? [])]) : `interaction ${d.status}`;
    out.push(`**${pair}** ${code(d.label)}: ${what}`, '');
    for (const line of [...(d.request?.summary ?? []), ...(d.response?.summary ?? [])]) out.push(`- ${code(line.text)}`);
    out.push('');
  }
  return out.join('\n');
}
