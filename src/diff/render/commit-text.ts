import type { Palette } from '../../render/palette.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { type CommitDiff, fileLabel } from '../commit.js';
import { commitTotalsLines, listed, sharedLine } from './commit-totals.js';
import { renderDiffText } from './text.js';

export interface CommitTextOptions {
  palette: Palette;
  patch: boolean;
  showNoise?: boolean | undefined;
}

/**
 * `diff --git`: totals first, then the changes several files share, then one line for the files
 * that are the same in meaning, then each file that differs (only its differing pairs).
 */
export function renderCommitText(commit: CommitDiff, o: CommitTextOptions): string {
  const p = o.palette;
  const out = commitTotalsLines(commit).map((l) => p.bold(sanitizeLine(l)));
  if (commit.shared.length) out.push('', p.bold('changes in several files:'), ...commit.shared.map((s) => `  ${sanitizeLine(sharedLine(s.text, s.files.length))}`));
  const same = commit.files.filter((f) => f.status === 'modified' && !f.diff.different).map(fileLabel);
  if (same.length) out.push('', p.dim(sanitizeLine(`same in meaning (${same.length}): ${listed(same, 5)}`)));
  const text = out.join('\n');
  const files = commit.files.filter((f) => f.status !== 'modified' || f.diff.different);
  const sections = files.map((f) => renderDiffText(f.diff, { palette: p, patch: o.patch, showNoise: o.showNoise, onlyChanged: true, title: `${f.status === 'modified' ? (f.from === undefined ? '' : 'renamed: ') : `${f.status}: `}${fileLabel(f)}` }));
  return `${[text, ...sections].join('\n\n')}${sections.length ? '' : '\n'}`;
}
