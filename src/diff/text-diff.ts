import { diffLines, diffWordsWithSpace } from 'diff';
import { clipText } from '../secrets/clip.js';

const MAX_PARTS = 3;
const CONTEXT_WORDS = 3;

const clip = (text: string, max: number) => (text.length > max ? `${clipText(text, max - 1)}…` : text);
const oneLine = (text: string) => text.replace(/\r?\n/g, '⏎');

/** True when a changed string is worth diffing inside rather than printing whole on both sides. */
export function isLongText(before: string, after: string): boolean {
  return before.length > 60 || after.length > 60 || before.includes('\n') || after.includes('\n');
}

/** Lines added and removed: `+ 20b. Never use em dashes in source code.` */
function byLine(before: string, after: string): string[] {
  const parts: string[] = [];
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) continue;
    for (const line of part.value.split('\n').filter((l) => l.trim() !== '')) parts.push(`${part.added ? '+' : '-'} ${clip(line.trim(), 100)}`);
  }
  return parts;
}

/** Changed words with a few words of context: `…about style. [-Never-]{+Always+} use em…` */
function byWord(before: string, after: string): string[] {
  const parts = diffWordsWithSpace(before, after);
  const out: string[] = [];
  let k = 0;
  while (k < parts.length) {
    if (!parts[k]!.added && !parts[k]!.removed) {
      k++;
      continue;
    }
    const lead = k > 0 ? parts[k - 1]!.value.split(/(?<=\s)/).slice(-CONTEXT_WORDS).join('') : '';
    let text = lead.length < (k > 0 ? parts[k - 1]!.value.length : 0) ? `…${lead}` : lead;
    while (k < parts.length && (parts[k]!.added || parts[k]!.removed || (parts[k]!.value.length < 4 && k + 1 < parts.length && (parts[k + 1]!.added || parts[k + 1]!.removed)))) {
      const p = parts[k]!;
      text += p.added ? `{+${p.value}+}` : p.removed ? `[-${p.value}-]` : p.value;
      k++;
    }
    const tail = k < parts.length ? parts[k]!.value : '';
    const trail = tail.split(/(?=\s)/).slice(0, CONTEXT_WORDS).join('');
    text += trail.length < tail.length ? `${trail}…` : trail;
    out.push(clip(oneLine(text), 160));
  }
  return out;
}

/**
 * A changed long string told by what changed inside it: the lines added and removed when both
 * sides have several lines, else the changed words in context. Never two identical prefixes.
 */
export function describeTextChange(before: string, after: string): string {
  const multiline = before.includes('\n') && after.includes('\n');
  let parts = multiline ? byLine(before, after) : [];
  if (parts.length === 0 || parts.length > 12) parts = byWord(before, after);
  const shown = parts.slice(0, MAX_PARTS).join('; ');
  return parts.length > MAX_PARTS ? `${shown}; (${parts.length - MAX_PARTS} more changes)` : shown;
}
