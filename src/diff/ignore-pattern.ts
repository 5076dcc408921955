// The paths diff reports (see childPath): keys joined by `.`, a key that is not a plain name in JSON
// quotes, `[N]` for a list index. A pattern has the same shape with `*` for any key or index.
const KEY = String.raw`(?:[\w$*-]+|"(?:[^"\\]|\\.)*")`;
const INDEX = String.raw`\[(?:\d+|\*)\]`;
const SEGMENT = `${KEY}(?:${INDEX})*`;
const PATTERN = new RegExp(`^(?:${SEGMENT}|(?:${INDEX})+)(?:\\.${SEGMENT})*$`);

/**
 * The first `--ignore` pattern that is not a JSON path pattern (`bogus[[`, `a..b`, `messages[x]`),
 * or undefined when all are. Such a pattern would match no path and ignore nothing, silently.
 */
export function invalidIgnorePattern(patterns: readonly string[]): string | undefined {
  return patterns.find((p) => !PATTERN.test(p));
}
