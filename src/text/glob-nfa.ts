/** A compiled glob: `test(text)` as on a RegExp, in time linear in the text. */
export interface GlobMatcher {
  test(text: string): boolean;
}

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'one' } // `?`
  | { kind: 'star'; crossesSlash: boolean } // `*`, `**`
  | { kind: 'optional'; skip: number }; // `**/` may also match nothing: go on after it without reading

/**
 * Glob matching by stepping a set of pattern positions through the text (an NFA), never by a
 * backtracking regex: `*a*a*a*a*b` against forty `a`s takes forty steps, where a RegExp takes
 * minutes. O(text × pattern) time, O(pattern) memory.
 *
 * `paths: true` (lint's ignore globs): `*` and `?` stop at `/`, `**` crosses it and `**\/` also
 * matches no directory at all. `paths: false` (price-file model names): `*` matches anything.
 * `questionMark: false` makes `?` an ordinary character.
 */
export function compileGlob(glob: string, options: { paths: boolean; questionMark?: boolean }): GlobMatcher {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && options.paths && glob[i + 1] === '*') {
      const dirs = glob[i + 2] === '/';
      if (dirs) tokens.push({ kind: 'optional', skip: 3 });
      tokens.push({ kind: 'star', crossesSlash: true });
      if (dirs) tokens.push({ kind: 'char', char: '/' });
      i += dirs ? 2 : 1;
    } else if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star', crossesSlash: !options.paths });
    } else if (c === '?' && options.questionMark !== false) tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c });
  }
  const end = tokens.length;
  return {
    test(text) {
      let current = new Uint8Array(end + 1);
      let next = new Uint8Array(end + 1);
      const pending: number[] = [];
      const add = (set: Uint8Array, from: number) => {
        // Moves that read nothing: past a star (it may match nothing), past or into an optional `**/`.
        pending.push(from);
        while (pending.length > 0) {
          const p = pending.pop()!;
          if (p > end || set[p]) continue;
          set[p] = 1;
          const t = tokens[p];
          if (t?.kind === 'star') pending.push(p + 1);
          else if (t?.kind === 'optional') pending.push(p + 1, p + t.skip);
        }
      };
      add(current, 0);
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        next.fill(0);
        let any = false;
        for (let p = 0; p < end; p++) {
          if (!current[p]) continue;
          const t = tokens[p]!;
          if (t.kind === 'optional') continue;
          if (t.kind === 'star') {
            if (t.crossesSlash || c !== '/') (add(next, p), (any = true));
          } else if (t.kind === 'one' ? !options.paths || c !== '/' : t.char === c) (add(next, p + 1), (any = true));
        }
        if (!any) return false;
        [current, next] = [next, current];
      }
      return current[end] === 1;
    },
  };
}
