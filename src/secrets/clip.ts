import { possiblePatterns, SECRET_PATTERNS } from './patterns.js';

/**
 * `text.slice(0, max)`, except that a cut inside a known key shape is moved to the key's start:
 * masking runs on what is printed, and a key cut short is no longer a key shape (`sk-proj-Q7wE9`),
 * so part of it would be printed as recorded. Looks only at the text around the cut.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  // A key is at most a few hundred characters (a JWT more, but its first 512 still match).
  const from = Math.max(0, max - 512);
  const window = text.slice(from, max + 512);
  let end = max;
  const possible = possiblePatterns(window);
  if (possible.size === 0) return text.slice(0, max);
  for (const pattern of SECRET_PATTERNS) {
    if (!possible.has(pattern.id)) continue;
    for (const m of window.matchAll(pattern.regex)) {
      const start = from + m.index;
      if (start < end && start + m[0].length > max) end = start;
    }
  }
  return text.slice(0, end);
}
