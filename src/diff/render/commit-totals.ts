import { formatUsd } from '../../render/format.js';
import { groupDigits } from '../../text/group-digits.js';
import type { CommitDiff } from '../commit.js';
import type { SideTotals } from '../types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const signed = (n: number, format: (v: number) => string) => (n === 0 ? '' : ` (${n > 0 ? '+' : '-'}${format(Math.abs(n))})`);
// Under a cent, the significant digits (formatUsd): at four decimals a $0.00002 change read
// `$0.0002 → $0.0002 (-$0.0000)`.
const usd = (v: number) => (v < 0.01 ? formatUsd(v) : `$${v < 1 ? v.toFixed(4) : v.toFixed(2)}`);
const count = groupDigits;

function tokensLine(a: SideTotals, b: SideTotals): string {
  const [ta, tb] = [a.inputTokens + a.outputTokens, b.inputTokens + b.outputTokens];
  const tokens = `tokens ${count(ta)} → ${count(tb)}${signed(tb - ta, count)}`;
  if (a.cost === null && b.cost === null) return `${tokens}; cost unknown`;
  const [ca, cb] = [a.cost ?? 0, b.cost ?? 0];
  return `${tokens}; cost ${usd(ca)} → ${usd(cb)}${signed(cb - ca, usd)}`;
}

/**
 * The totals that open every `--git` rendering: files, interactions, tokens and cost, and the
 * files skipped because they are not cassettes.
 */
export function commitTotalsLines(commit: CommitDiff): string[] {
  const { files, interactions } = commit.totals;
  const lines = [
    `${plural(commit.files.length, 'cassette')}: ${files.changed} changed, ${files.added} added, ${files.removed} removed, ${files.sameMeaning} re-recorded with no change in meaning${files.renamed ? ` (${files.renamed} of them renamed)` : ''}`,
    `interactions: ${interactions.changed} changed, ${interactions.added} added, ${interactions.removed} removed, ${interactions.unchanged} unchanged`,
    tokensLine(commit.totals.before, commit.totals.after),
  ];
  if (commit.skipped.length) lines.push(`skipped ${plural(commit.skipped.length, 'file')} that ${commit.skipped.length === 1 ? 'is' : 'are'} not a cassette: ${listed(commit.skipped, 5)}`);
  return lines;
}

/** `a, b, c and 4 more`. */
export function listed(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** `model changed: gpt-4o → gpt-4.1 in 23 files`. */
export function sharedLine(text: string, files: number): string {
  return `${text} in ${plural(files, 'file')}`;
}
