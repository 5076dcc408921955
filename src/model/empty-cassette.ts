import type { Cassette } from './types.js';

/**
 * A cassette with no interactions, standing for a side that does not exist: an added or deleted
 * file in `diff --git`, git's `/dev/null` in an external diff, a missing side in `diff OLD NEW`.
 */
export function emptyCassette(path: string): Cassette {
  return { path, format: 'none', interactions: [], warnings: [], data: null, sourceKind: 'text', text: '', gzipped: false, locate: () => undefined };
}
