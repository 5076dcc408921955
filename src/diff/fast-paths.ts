/**
 * Shortcuts that skip work whose answer is known, each switchable so that a test can compare the
 * result with and without it (test/diff/fast-paths.test.ts). Always on outside tests.
 */
export const fastPaths = {
  /** diffJson skips subtrees that are the same JSON (identicalJson). */
  identicalSubtrees: true,
  /** diffHeaders says nothing for two lists of the same headers in the same order. */
  sameHeaders: true,
  /** pathIdPairs finds no differing segment in two equal paths. */
  samePath: true,
  /** sideOf leaves an interaction's LLM meaning to be worked out on first use. */
  lazyLlm: true,
};

/**
 * True only when diffJson would find nothing between the two values: the same JSON, key order
 * aside (primitives by Object.is, as diffJson compares them). Anything but arrays, plain objects
 * and primitives says false, leaving the question to diffJson.
 */
export function identicalJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (!identicalJson(a[k], b[k])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (!Object.hasOwn(b, key) || !identicalJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
