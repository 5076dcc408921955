import type { LoadWarning } from '../model/types.js';
import type { SourceDocument } from '../source/document.js';
import { isRecord } from './shared.js';
import type { FormatAdapter } from './types.js';
import { httpInteraction, httpInteractions, recordedWith } from './vcr-family.js';

/**
 * rOpenSci vcr (R). Version 1 writes `status: {status_code, category, reason, message}`, `body.file`
 * and `recorded_with` per interaction; version 2 writes scalar header maps, an integer status and a
 * top-level `recorded_with: VCR-vcr/2.x`.
 */
export const rVcr: FormatAdapter = {
  id: 'r-vcr',
  aliases: ['rvcr'],
  description: 'rOpenSci vcr (R) cassettes, versions 1 and 2',
  detect: (doc) => rVcrVersion(doc) !== undefined,
  parse(doc) {
    const warnings: LoadWarning[] = [];
    const interactions = httpInteractions(doc, warnings);
    return { ...rVcrHead(doc), interactions, warnings };
  },
  list: { path: ['http_interactions'], head: rVcrHead, interaction: httpInteraction },
};

function rVcrHead(doc: SourceDocument): { format: string; version: number; recordedWith: string | undefined } {
  const first = firstInteraction(doc);
  const with_ = recordedWith(doc) ?? (typeof first?.recorded_with === 'string' ? first.recorded_with : undefined);
  return { format: 'r-vcr', version: rVcrVersion(doc) ?? 2, recordedWith: with_ };
}

function firstInteraction(doc: SourceDocument): Record<string, unknown> | undefined {
  const d = doc.data;
  if (!isRecord(d) || !Array.isArray(d.http_interactions)) return undefined;
  const first: unknown = d.http_interactions[0];
  return isRecord(first) ? first : undefined;
}

function rVcrVersion(doc: SourceDocument): 1 | 2 | undefined {
  if (/^VCR-vcr\/2/i.test(recordedWith(doc) ?? '')) return 2;
  const first = firstInteraction(doc);
  if (!first) return undefined;
  if (typeof first.recorded_with === 'string' && /^vcr\/\d/i.test(first.recorded_with)) return 1;
  const res = first.response;
  if (isRecord(res) && isRecord(res.status) && 'status_code' in res.status) return 1;
  if (isRecord(res) && typeof res.status === 'number' && !('recorded_with' in (doc.data as object))) return 2;
  return undefined;
}
