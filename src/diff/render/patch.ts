import { structuredPatch } from 'diff';
import type { Palette } from '../../render/palette.js';
import { sanitizeLine } from '../../text/sanitize.js';

/** A unified diff of two canonical texts, coloured, without file headers (the caller prints them). */
export function unifiedDiff(before: string, after: string, p: Palette, context = 3): string[] {
  const patch = structuredPatch('before', 'after', before, after, '', '', { context });
  const out: string[] = [];
  for (const hunk of patch.hunks) {
    out.push(p.cyan(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`));
    for (const line of hunk.lines) {
      const text = sanitizeLine(line);
      out.push(line.startsWith('+') ? p.green(text) : line.startsWith('-') ? p.red(text) : text);
    }
  }
  return out;
}
