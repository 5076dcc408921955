import type { Finding, TextEdit } from './types.js';

/** Apply edits to a text: sorted, overlapping ones dropped, everything else byte-identical. */
export function applyFixes(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // overlaps an edit already applied
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + text.slice(at);
}

export function fixesOf(findings: readonly Finding[]): TextEdit[] {
  return findings.flatMap((f) => f.fix ?? []);
}
