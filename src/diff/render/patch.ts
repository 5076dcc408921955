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
 * the same, moved down by the lines left out. When one line was replaced by one other that equals
 * none of the lines around it, the lines can be paired in one way only, so the one hunk is written
 * here without jsdiff (`replacedLineHunk`; jsdiff on the 7-line excerpt was still ~10% of diff FILE's
 * CPU on a 10 MiB VCR.py cassette, under --no-opt). Elsewhere, where lines repeat, Myers' diff may
 * pair them otherwise once the common trailing lines are gone (test/diff/patch-excerpt.test.ts
 * checks the hunks against those of the whole texts).
 */
export function patchHunks(before: string, after: string, context: number): StructuredPatchHunk[] {
  const lead = commonLeadingLines(before, after);
  const replaced = oneLineReplaced(before, after, lead.chars);
  if (replaced) return [replacedLineHunk(before, after, lead, replaced, context)];
  const skip = Math.max(0, lead.lines - context);
  if (skip === 0) return structuredPatch('before', 'after', before, after, '', '', { context }).hunks;
  const from = linesBack(before, lead.chars, Math.min(context, lead.lines));
  const hunks = structuredPatch('before', 'after', before.slice(from), after.slice(from), '', '', { context }).hunks;
  for (const hunk of hunks) {
    hunk.oldStart += skip;
    hunk.newStart += skip;
  }
  return hunks;
}

/**
 * The hunk jsdiff makes when line `lead.lines + 1` is all that differs (see oneLineReplaced): up to
 * `context` common lines before it, the old line removed, the new one added, up to `context` after.
 * Each line loses its `\n`; one without (the last, unterminated) is followed by jsdiff's marker.
 */
function replacedLineHunk(a: string, b: string, lead: { lines: number; chars: number }, ends: { a: number; b: number }, context: number): StructuredPatchHunk {
  const lines: string[] = [];
  const before = Math.min(context, lead.lines);
  const from = linesBack(a, lead.chars, before);
  pushLines(lines, ' ', a, from, lead.chars);
  pushLines(lines, '-', a, lead.chars, ends.a);
  pushLines(lines, '+', b, lead.chars, ends.b);
  let to = ends.a;
  let after = 0;
  for (let next = tokenEnd(a, to); after < context && next !== undefined; next = tokenEnd(a, to)) [to, after] = [next, after + 1];
  pushLines(lines, ' ', a, ends.a, to);
  const start = lead.lines - before + 1;
  return { oldStart: start, oldLines: before + 1 + after, newStart: start, newLines: before + 1 + after, lines };
}

/** The line tokens of `text` from `from` to `to`, each marked, as structuredPatch writes them. */
function pushLines(out: string[], mark: string, text: string, from: number, to: number): void {
  for (let at = from; at < to; ) {
    const end = tokenEnd(text, at)!;
    if (text.charCodeAt(end - 1) === 10) out.push(mark + text.slice(at, end - 1));
    else out.push(mark + text.slice(at, end), '\\ No newline at end of file');
    at = end;
  }
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
 * neither side's line equals the line before it or the one after it: where the differing line ends
 * on each side. Then the one minimal pairing of the lines leaves out the two differing lines and nothing else.
 */
function oneLineReplaced(a: string, b: string, lead: number): { a: number; b: number } | undefined {
  const [ea, eb] = [tokenEnd(a, lead), tokenEnd(b, lead)];
  if (ea === undefined || eb === undefined || a.length - ea !== b.length - eb || a.slice(ea) !== b.slice(eb)) return undefined;
  const [x, y] = [a.slice(lead, ea), b.slice(lead, eb)];
  if (x === y) return undefined; // the same texts
  const next = tokenEnd(a, ea);
  const neighbours = [lead > 0 ? a.slice(tokenStart(a, lead), lead) : undefined, next === undefined ? undefined : a.slice(ea, next)];
  if (neighbours.some((line) => line === x || line === y)) return undefined;
  return { a: ea, b: eb };
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

/** Where the `count` line tokens that end at `end` start. */
function linesBack(text: string, end: number, count: number): number {
  let at = end;
  for (let k = 0; k < count; k++) at = tokenStart(text, at);
  return at;
}
