import { sanitizeLine } from '../../text/sanitize.js';
import { type CommitDiff, fileLabel } from '../commit.js';
import { commitTotalsLines, sharedLine } from './commit-totals.js';
import { pairWhat } from './pair-text.js';

const LETTER = { added: 'A', removed: 'D', modified: 'M' } as const;

/** `diff --git --stat`: totals, shared changes, then one line per cassette with its leading change. */
export function renderCommitStat(commit: CommitDiff): string {
  const out = commitTotalsLines(commit);
  if (commit.shared.length) out.push('', 'changes in several files:', ...commit.shared.map((s) => `  ${sharedLine(s.text, s.files.length)}`));
  if (commit.files.length) out.push('');
  for (const f of commit.files) {
    const n = { changed: 0, added: 0, removed: 0 };
    for (const d of f.diff.interactions) if (d.status !== 'same') n[d.status]++;
    const first = f.diff.interactions.find((d) => d.status === 'changed');
    const counts = f.diff.different ? `${n.changed} changed, ${n.added} added, ${n.removed} removed` : 'same in meaning';
    out.push(`${f.from === undefined ? LETTER[f.status] : 'R'} ${fileLabel(f)}  ${counts}${first && f.status === 'modified' ? `  (${pairWhat(first)})` : ''}`);
  }
  return `${out.map(sanitizeLine).join('\n')}\n`;
}
