import { goVcr } from './go-vcr.js';
import type { FormatAdapter } from './types.js';

/**
 * Every recorder format, in detection order: the first whose `detect` accepts the document wins,
 * so more specific shapes come before more general ones.
 */
export const FORMATS: readonly FormatAdapter[] = [goVcr];

export function findFormat(id: string): FormatAdapter | undefined {
  return FORMATS.find((f) => f.id === id || f.aliases?.includes(id));
}

export type { FormatAdapter, ParsedCassette } from './types.js';
