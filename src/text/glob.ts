/**
 * Path globs for command-line patterns: `*` and `?` within one path segment, `**` for any number of
 * segments. Matched with the greedy one-backtrack wildcard algorithm at both levels, so time is at
 * most pattern × path length, never exponential (no regular expression is built from the pattern).
 */

export function hasGlob(text: string): boolean {
  return /[*?]/.test(text);
}

const segments = (path: string): string[] => path.split('/').filter((s, i) => s !== '.' && (s !== '' || i === 0));

/** The directory before the first segment holding a wildcard (`.` when the pattern starts with one). */
export function globBase(pattern: string): string {
  const parts = segments(pattern);
  const first = parts.findIndex(hasGlob);
  const base = parts.slice(0, first === -1 ? parts.length : first);
  if (base.length === 1 && base[0] === '') return '/';
  return base.length ? base.join('/') : '.';
}

/** True when `path` (as a directory walk builds it from the pattern's base) matches `pattern`. */
export function matchGlob(pattern: string, path: string): boolean {
  return wildcard(segments(pattern), segments(path), (p) => p === '**', (p, s) => wildcard([...p], [...s], (c) => c === '*', (c, d) => c === '?' || c === d));
}

function wildcard<T>(pat: readonly T[], str: readonly T[], isStar: (p: T) => boolean, eq: (p: T, s: T) => boolean): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < str.length) {
    if (p < pat.length && isStar(pat[p]!)) {
      starP = p++;
      starS = s;
    } else if (p < pat.length && eq(pat[p]!, str[s]!)) {
      p++;
      s++;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else return false;
  }
  while (p < pat.length && isStar(pat[p]!)) p++;
  return p === pat.length;
}
