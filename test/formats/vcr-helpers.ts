import { loadCassette } from '../../src/load.js';
import { CassetteInputError } from '../../src/model/errors.js';
import type { Cassette, Interaction, InteractionField } from '../../src/model/types.js';

/** Shared by the VCR-family adapter tests (vcrpy, ruby-vcr, r-vcr, betamax). */
export const load = (input: string | Uint8Array, format?: string): Cassette => loadCassette(input, 'test', { format });

/** What the tables compare: method, url, status, reason, recordedAt, durationMs. */
export function summary(i: Interaction): unknown[] {
  return [i.request.method, i.request.url, i.response?.status, i.response?.statusText, i.recordedAt, i.durationMs];
}

/** The fields whose lines the tests compare, in this order. */
export const FIELDS: readonly InteractionField[] = ['request.method', 'request.url', 'request.headers', 'request.body', 'response.status', 'response.headers', 'response.body'];

/** 1-based lines of the fields of an interaction, in the order of `FIELDS` by default. */
export function fieldLines(c: Cassette, i: Interaction, fields: readonly InteractionField[] = FIELDS): (number | undefined)[] {
  return fields.map((field) => {
    const path = i.fieldPaths[field];
    return path ? c.locate(path)?.line : undefined;
  });
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
