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
 * structuredPatch's hunks, worked out on an excerpt: the two sides of a step in diff FILE are mostly
 * the same pretty-printed body, and jsdiff split, compared and copied each of their lines (~9% of
 * diff FILE's CPU on a 10 MiB cassette). The excerpt starts `context` lines before the first line
 * that differs: jsdiff takes the common leading lines first, whatever follows, so its hunks are
 * the same, moved down by the lines left out. It ends `context` lines after the last one only when
 * one line was replaced by one other that equals none of the lines around it: then the lines can be
 * paired in one way only, with or without what follows. Elsewhere, where lines repeat, Myers' diff
 * may pair them otherwise once the common trailing lines are gone (test/diff/patch-excerpt.test.ts
 * checks the hunks against those of the whole texts).
 */
export function patchHunks(before: string, after: string, context: number): StructuredPatchHunk[] {
  const lead = commonLeadingLines(before, after);
  const skip = Math.max(0, lead.lines - context);
  const tail = oneLineReplaced(before, after, lead.chars);
  const drop = tail ? Math.max(0, tail.lines - context) : 0;
  if (skip === 0 && drop === 0) return structuredPatch('before', 'after', before, after, '', '', { context }).hunks;
  let from = lead.chars;
  for (let k = 0; k < Math.min(context, lead.lines); k++) from = tokenStart(before, from);
  let [endBefore, endAfter] = [before.length, after.length];
  for (let k = 0; k < drop; k++) [endBefore, endAfter] = [tokenStart(before, endBefore), tokenStart(after, endAfter)];
  const hunks = structuredPatch('before', 'after', before.slice(from, endBefore), after.slice(from, endAfter), '', '', { context }).hunks;
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

/**
 * When the texts differ in one line token only (after the `lead` common leading characters), and
 * neither side's line equals the line before it or the one after it: the common trailing lines.
 * Then the one minimal pairing of the lines leaves out the two differing lines and nothing else.
 */
function oneLineReplaced(a: string, b: string, lead: number): { lines: number } | undefined {
  const [ea, eb] = [tokenEnd(a, lead), tokenEnd(b, lead)];
  if (ea === undefined || eb === undefined || a.length - ea !== b.length - eb || a.slice(ea) !== b.slice(eb)) return undefined;
  const [x, y] = [a.slice(lead, ea), b.slice(lead, eb)];
  const next = tokenEnd(a, ea);
  const neighbours = [lead > 0 ? a.slice(tokenStart(a, lead), lead) : undefined, next === undefined ? undefined : a.slice(ea, next)];
  if (neighbours.some((line) => line === x || line === y)) return undefined;
  let lines = 0;
  for (let end = a.length; end > ea; end = tokenStart(a, end)) lines++;
  return { lines };
}

/** The end of the line token that starts at `start` (after its `\n`, or the end of the text); undefined at the end. */
function tokenEnd(text: string, start: number): number | undefined {
  if (start >= text.length) return undefined;
  const at = text.indexOf('\n', start);
  return at === -1 ? text.length : at + 1;
}

/** Where the line token that ends at `end` (after its `\n`, or at the end of the text) starts. */
function tokenStart(text: string, end: number): number {
  return end < 2 ? 0 : text.lastIndexOf('\n', end - 2) + 1;
}
