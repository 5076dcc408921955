import type { DocPath, Interaction } from '../../model/types.js';
import type { RuleContext, RuleReport } from '../types.js';

/** The value at a path of the parsed document. */
export function valueAt(data: unknown, path: DocPath): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Run `check` on every interaction, tagging each report with the interaction's index. */
export function perInteraction(ctx: RuleContext, check: (i: Interaction) => (Omit<RuleReport, 'interaction'> | undefined)[]): RuleReport[] {
  const out: RuleReport[] = [];
  for (const i of ctx.cassette.interactions) {
    for (const r of check(i)) if (r) out.push({ ...r, interaction: i.index });
  }
  return out;
}

/**
 * The formats whose recorders need header maps of lists. VCR.py writes lists but reads scalars too
 * (langchain's cassettes have them), so it is not here.
 */
export const LIST_HEADER_FORMATS = new Set(['go-vcr-v1', 'go-vcr-v2', 'ruby-vcr', 'betamax']);
