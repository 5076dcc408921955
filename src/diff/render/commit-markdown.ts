import { type CommitDiff, type FileDiff, fileLabel } from '../commit.js';
import { capLines, fitComment } from './comment-budget.js';
import { commitTotalsLines, listed, sharedLine } from './commit-totals.js';
import { code, pairMarkdown } from './markdown.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fileSection(f: FileDiff): string {
  const changed = f.diff.interactions.filter((d) => d.status !== 'same');
  const what = f.status === 'modified' ? `${changed.length} of ${f.diff.interactions.length} interactions differ` : `${f.status}, ${f.diff.interactions.length} interaction${f.diff.interactions.length === 1 ? '' : 's'}`;
  const body = capLines(changed.map(pairMarkdown), 30).join('\n');
  return ['<details>', `<summary><code>${escapeHtml(fileLabel(f))}</code>: ${what}</summary>`, '', body, '</details>'].join('\n');
}

/**
 * `diff --git --markdown`: a pull-request comment. Totals and shared changes first, files the
 * same in meaning on one line, each differing file in a collapsed `<details>`; always under
 * GitHub's 65,536-character limit (files that do not fit are counted in a closing note).
 */
export function renderCommitMarkdown(commit: CommitDiff, limit?: number): string {
  const head = ['### Cassette diff', '', ...commitTotalsLines(commit).map((l) => `- ${code(l)}`), ''];
  if (commit.shared.length) head.push('**Changes in several files**', '', ...capLines(commit.shared.map((s) => `- ${code(sharedLine(s.text, s.files.length))}`), 30), '');
  const same = commit.files.filter((f) => f.status === 'modified' && !f.diff.different).map(fileLabel);
  if (same.length) head.push(`Same in meaning (${same.length}): ${code(listed(same, 5))}`, '');
  const sections = commit.files.filter((f) => f.status !== 'modified' || f.diff.different).map(fileSection);
  return fitComment(head.join('\n'), sections, (left) => `_… ${left} more files not shown (GitHub's comment size limit); run \`cassette diff --git\` locally for all of them._`, limit);
}
