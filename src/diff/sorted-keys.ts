/**
 * `Object.keys(value).sort()` (UTF-16 code unit order) without Array.prototype.sort's working copy:
 * JSON objects have a handful of keys, sorted here in place by insertion. Canonical forms and
 * content keys sort every object of every body compared, mostly before V8 optimizes that code,
 * and those copies were ~6% of what `diff --git` allocates on bench:diff's commit.
 */
export function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  if (keys.length > 32) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
