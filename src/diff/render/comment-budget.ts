/** GitHub's limit for one issue or pull-request comment, in characters. */
export const COMMENT_LIMIT = 65_536;

/**
 * Join a head and sections into one comment that stays under `limit`: sections are kept whole
 * while they fit; the rest are left out and a closing note says how many and what to run instead.
 */
export function fitComment(head: string, sections: readonly string[], note: (left: number) => string, limit = COMMENT_LIMIT): string {
  // Room for the note and a safety margin (characters outside the BMP count twice in JS lengths).
  const budget = limit - 1_000;
  let out = head.length > budget ? `${head.slice(0, budget)}\n` : head;
  let kept = 0;
  for (const section of sections) {
    if (out.length + section.length + 1 > budget) break;
    out += `\n${section}`;
    kept++;
  }
  if (kept < sections.length) out += `\n${note(sections.length - kept)}\n`;
  return out;
}

/** At most `max` lines, then `… N more`. */
export function capLines(lines: readonly string[], max: number): string[] {
  return lines.length > max ? [...lines.slice(0, max), `- … ${lines.length - max} more`] : [...lines];
}
