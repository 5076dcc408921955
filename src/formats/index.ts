import { betamax } from './betamax.js';
import { goVcr } from './go-vcr.js';
import { har } from './har.js';
import { httprr } from './httprr.js';
import { nock } from './nock.js';
import { polly } from './polly.js';
import { rVcr } from './r-vcr.js';
import { rubyVcr } from './ruby-vcr.js';
import { vcrpy } from './vcrpy.js';
import type { FormatAdapter } from './types.js';

/**
 * Every recorder format, in detection order: the first whose `detect` accepts the document wins,
 * so more specific shapes come before more general ones.
 */
export const FORMATS: readonly FormatAdapter[] = [goVcr, vcrpy, betamax, rVcr, rubyVcr, polly, har, nock, httprr];

export function findFormat(id: string): FormatAdapter | undefined {
  return FORMATS.find((f) => f.id === id || f.aliases?.includes(id));
}

export type { FormatAdapter, ParsedCassette } from './types.js';
