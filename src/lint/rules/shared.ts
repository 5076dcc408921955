import type { DocPath, Interaction } from '../../model/types.js';
import type { RuleContext, RuleReport } from '../types.js';

/** The value at a path of the parsed document (the path's keys from index `from` on). */
export function valueAt(data: unknown, path: DocPath, from = 0): unknown {
  let v: unknown = data;
  // Indexed: rules call this a few times per interaction, and a for-of allocates where TurboFan is off.
  for (let k = from; k < path.length; k++) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[path[k]!];
  }
  return v;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Run `check` on every interaction, tagging each report with the interaction's index. */
export function perInteraction(ctx: RuleContext, check: (i: Interaction) => (Omit<RuleReport, 'interaction'> | undefined)[]): RuleReport[] {
  const out: RuleReport[] = [];
  // Indexed loops: this runs for most rules on every interaction, and a large YAML file is linted
  // without V8's optimizing compiler (bin/cassette.js), where iterators cost.
  const interactions = ctx.cassette.interactions;
  for (let n = 0; n < interactions.length; n++) {
    const i = interactions[n]!;
    const reports = check(i);
    for (let k = 0; k < reports.length; k++) {
      const r = reports[k];
      if (r) out.push({ ...r, interaction: i.index });
    }
  }
  return out;
}

/**
 * The formats whose recorders need header maps of lists. VCR.py writes lists but reads scalars too
 * (langchain's cassettes have them), so it is not here.
 */
export const LIST_HEADER_FORMATS = new Set(['go-vcr-v1', 'go-vcr-v2', 'ruby-vcr', 'betamax']);
