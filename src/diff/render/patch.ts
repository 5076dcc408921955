import { structuredPatch, type StructuredPatchHunk } from 'diff';
import type { Palette } from '../../render/palette.js';
import { sanitizeLine } from '../../text/sanitize.js';

/** A unified diff of two canonical texts, coloured, without file headers (the caller prints them). */
export function unifiedDiff(before: string, after: string, p: Palette, context = 3): string[] {
  const out: string[] = [];
  for (const hunk of patchHunks(before, after, context)) {
    out.push(p.cyan(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`));
    for (const line of hunk.lines) {
      const text = sanitizeLine(line);
      out.push(line.startsWith('+') ? p.green(text) : line.startsWith('-') ? p.red(text) : text);
    }
  }
  return out;
}

/**
 * structuredPatch's hunks, worked out from `context` lines before the first line that differs:
 * the two sides of a step in diff FILE are mostly the same pretty-printed body, and jsdiff split,
 * compared and copied each of their lines (~9% of diff FILE's CPU on a 10 MiB cassette). jsdiff
 * takes the common leading lines first, whatever follows, so the hunks are the same, moved down
 * by the lines left out. Not the common trailing lines: where lines repeat, Myers' diff may pair
 * them otherwise once they are gone (test/diff/patch-excerpt.test.ts checks both against the whole).
 */
export function patchHunks(before: string, after: string, context: number): StructuredPatchHunk[] {
  const { lines, chars } = commonLeadingLines(before, after);
  const skip = Math.max(0, lines - context);
  if (skip === 0) return structuredPatch('before', 'after', before, after, '', '', { context }).hunks;
  let from = chars;
  for (let k = 0; k < context; k++) from = before.lastIndexOf('\n', from - 2) + 1;
  const hunks = structuredPatch('before', 'after', before.slice(from), after.slice(from), '', '', { context }).hunks;
  for (const hunk of hunks) {
    hunk.oldStart += skip;
    hunk.newStart += skip;
  }
  return hunks;
}

/** The whole lines (each with its `\n`) the texts share at the start: how many, and their length. */
function commonLeadingLines(a: string, b: string): { lines: number; chars: number } {
  let lines = 0;
  let chars = 0;
  for (;;) {
    const end = a.indexOf('\n', chars);
    if (end === -1 || b.charCodeAt(end) !== 10 || a.slice(chars, end) !== b.slice(chars, end)) break;
    chars = end + 1;
    lines++;
  }
  return { lines, chars };
}
