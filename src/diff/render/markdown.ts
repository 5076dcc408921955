import type { CassetteDiff, InteractionDiff } from '../types.js';
import { capLines, fitComment } from './comment-budget.js';
import { pairLabel, pairWhat } from './pair-text.js';

// Cassette text lands in a PR comment: code spans keep it inert.
export const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;

/** One changed pair: its headline, then its summary lines. */
export function pairMarkdown(d: InteractionDiff): string {
  const lines = [...(d.request?.summary ?? []), ...(d.response?.summary ?? [])].map((l) => `- ${code(l.text)}`);
  return [`**${pairLabel(d)}** ${code(d.label)}: ${code(pairWhat(d))}`, '', ...capLines(lines, 40), ''].join('\n');
}

/** `--markdown`: a pull-request comment, one section per changed interaction, under GitHub's size limit. */
export function renderDiffMarkdown(diff: CassetteDiff): string {
  const changed = diff.interactions.filter((d) => d.status !== 'same');
  const order = diff.orderChanged ? ' (order changed)' : '';
  const head = [`### Cassette diff: ${code(diff.after)}`, '', changed.length === 0 ? `No differences${order}.` : `${changed.length} of ${diff.interactions.length} interactions differ${order}.`, ''].join('\n');
  return fitComment(head, changed.map(pairMarkdown), (left) => `_… ${left} more changed interactions not shown (comment size limit); run \`cassette diff\` locally for all of them._`);
}
