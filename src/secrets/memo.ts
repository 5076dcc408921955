import { detach, detachDeep } from '../text/detach.js';

/**
 * `compute` (a pure function of one string) with its results kept for strings up to `maxLength`
 * characters: a cassette repeats its URL, header names and key in every interaction, and lint
 * judges each of them in every one. Keys and results are detached (see detach), so the cache never
 * keeps an interaction's text alive; it is emptied when it holds `maxEntries`. Results are shared
 * between callers, which must not change them.
 */
export function memoByString<T>(compute: (key: string) => T, maxLength = 512, maxEntries = 1024): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (key.length > maxLength) return compute(key);
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = detachDeep(compute(key));
    if (cache.size >= maxEntries) cache.clear();
    cache.set(detach(key), value);
    return value;
  };
}
