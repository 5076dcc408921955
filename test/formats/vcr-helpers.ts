import { loadCassette } from '../../src/load.js';
import { CassetteInputError } from '../../src/model/errors.js';
import type { Cassette, Interaction, InteractionField } from '../../src/model/types.js';

/** Shared by the VCR-family adapter tests (vcrpy, ruby-vcr, r-vcr, betamax). */
export const load = (input: string | Uint8Array, format?: string): Cassette => loadCassette(input, 'test', { format });

/** What the tables compare: method, url, status, reason, recordedAt, durationMs. */
export function summary(i: Interaction): unknown[] {
  return [i.request.method, i.request.url, i.response?.status, i.response?.statusText, i.recordedAt, i.durationMs];
}

const FIELDS: readonly InteractionField[] = ['request.method', 'request.url', 'request.headers', 'request.body', 'response.status', 'response.headers', 'response.body'];

/** The interaction's document path and the 1-based line of each of its main fields. */
export function fieldLines(c: Cassette, index: number): { docPath: unknown; lines: Record<string, number | undefined> } {
  const i = c.interactions[index]!;
  const lines: Record<string, number | undefined> = { interaction: c.locate(i.docPath)?.line };
  for (const field of FIELDS) lines[field] = i.fieldPaths[field] ? c.locate(i.fieldPaths[field])?.line : undefined;
  return { docPath: i.docPath, lines };
}

/** The CassetteInputError a load throws (undefined when it loads), as `{interaction, line}`. */
export function inputError(input: string | Uint8Array, format?: string): { interaction: number | undefined; line: number | undefined } | undefined {
  try {
    load(input, format);
  } catch (error) {
    if (!(error instanceof CassetteInputError)) throw error;
    return { interaction: error.details.interaction, line: error.details.position?.line };
  }
  return undefined;
}
