import { costRow } from '../cost/collect.js';
import type { PriceTable } from '../cost/price-table.js';
import { analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange } from '../llm/types.js';
import { maskUrl } from '../secrets/mask.js';
import type { Body, Cassette, Header, Interaction } from '../model/types.js';
import { sideTotals } from './totals.js';
import type { CassetteDiff, DiffOptions, InteractionDiff } from './types.js';
import { isGzip } from '../source/document.js';
import { JSON_ID_KEYS, occurrences, onlyVolatileChanged, REWRITTEN_HEADERS, type VolatileChange } from './volatile-text.js';
import { methodLabel } from '../model/method.js';

/** Options of the shortcut: a cost that may depend on when a call was recorded stops it. */
export interface RewrittenOptions extends DiffOptions {
  /** True when `costOf` gives this call the same cost at any recording time; every call is asked. */
  timelessCost?: ((side: { interaction: Interaction; llm: LlmExchange }) => boolean) | undefined;
}

/**
 * `costOf` for totals (recorded cost, else the list price from `prices`) and `timelessCost`,
 * which says whether every price answer for a call was one that holds at any time.
 */
export function costOptions(prices: PriceTable): Pick<RewrittenOptions, 'costOf' | 'timelessCost'> {
  const timeless = new WeakMap<Interaction, boolean>();
  let allTimeless = true;
  const watched: PriceTable = (query) => {
    const answer = prices(query);
    if (answer.dated !== false) allTimeless = false;
    return answer;
  };
  return {
    costOf: ({ interaction, llm }) => {
      allTimeless = true;
      const cost = costRow('', interaction, llm, watched).cost;
      timeless.set(interaction, allTimeless);
      return cost;
    },
    timelessCost: ({ interaction }) => timeless.get(interaction) ?? false,
  };
}

const fieldKey = (kind: string, name: string, value: string) => `${kind}\0${name.toLowerCase()}\0${value}`;
const bump = (counts: Map<string, number>, k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);

// Index loops over keys, not for-of over entries: this runs once per body of every re-recorded
// file, mostly before V8 optimizes it, where each entry and each iterator step is an allocation.
function countJson(value: unknown, counts: Map<string, number>): void {
  if (Array.isArray(value)) for (let n = 0; n < value.length; n++) countJson(value[n], counts);
  else if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    for (let n = 0; n < keys.length; n++) {
      const k = keys[n]!;
      const v = (value as Record<string, unknown>)[k];
      if (typeof v === 'string' && (JSON_ID_KEYS.has(k) || k === 'system_fingerprint')) bump(counts, fieldKey(JSON_ID_KEYS.has(k) ? 'json-id' : 'json-noise', k, v));
      else if (k === 'created' && typeof v === 'number') bump(counts, fieldKey('json-noise', k, String(v)));
      else countJson(v, counts);
    }
  }
}

/** A body whose text is in the file as it is read (not base64, not compressed), so its fields are seen in the text. */
function countBody(body: Body, counts: Map<string, number>): boolean {
  if (body.decodedFrom !== undefined || !['text', 'empty', 'parsed'].includes(body.storage)) return false;
  if (body.isJson) countJson(body.json, counts);
  return true;
}

function countHeaders(headers: readonly Header[], counts: Map<string, number>): void {
  for (const h of headers) if (REWRITTEN_HEADERS.test(h.name)) bump(counts, fieldKey('header', h.name, h.value));
}

/**
 * Every changed field is one the cassette holds in a JSON body or a header list: its old value
 * stands as often in those as in the text (so none of them is elsewhere, say in a text body).
 */
function changesAreWhereExpected(cassette: Cassette, text: Uint8Array, changes: readonly VolatileChange[]): boolean {
  const held = new Map<string, number>();
  for (const i of cassette.interactions) {
    if (!countBody(i.request.body, held)) return false;
    countHeaders(i.request.headers, held);
    if (i.response) {
      if (!countBody(i.response.body, held)) return false;
      countHeaders(i.response.headers, held);
    }
  }
  // A value renamed in several places is looked up once.
  const checked = new Set<string>();
  return changes.every((c) => {
    const k = fieldKey(c.kind, c.key, c.before);
    if (checked.has(k)) return true;
    checked.add(k);
    return (held.get(k) ?? 0) === occurrences(text, c);
  });
}

function samePair(i: Interaction): InteractionDiff {
  const empty = () => ({ summary: [], changes: [], before: '', after: '' });
  return { before: i.index, after: i.index, label: `${methodLabel(i.request.method)} ${maskUrl(i.request.url)}`, status: 'same', request: empty(), response: empty() };
}

/**
 * The comparison of a cassette with a re-record of it that only rewrote volatile fields (see
 * `onlyVolatileChanged`, with the old text; `identical` for the same bytes), from the old side alone: every pair the same, in order, and the same
 * totals on both sides. It is what `diffCassettes` gives for such a pair of files, without
 * reading the new one, apart from the renamed-id notes (`noise`), which it does not list; so
 * it declines (undefined) with `showNoise` or `ignore`, when a field is somewhere it cannot
 * vouch for (a compressed or base64 body, an event stream), and when a cost depends on the time.
 */
export function diffRewritten(before: Cassette, changes: { text: Uint8Array; changes: readonly VolatileChange[] } | 'identical', options: RewrittenOptions = {}): CassetteDiff | undefined {
  if (options.showNoise || options.ignore?.length) return undefined;
  // A byte-identical new side has nothing renamed and the same recording times.
  if (changes !== 'identical' && !changesAreWhereExpected(before, changes.text, changes.changes)) return undefined;
  const sides = before.interactions.map((interaction) => {
    let llm: LlmExchange | undefined;
    try {
      llm = analyzeInteraction(interaction, { provider: options.provider });
    } catch {
      llm = undefined;
    }
    return { interaction, llm };
  });
  const totals = sideTotals(sides, options);
  if (changes !== 'identical' && options.timelessCost && !sides.every((s) => !s.llm || options.timelessCost!({ interaction: s.interaction, llm: s.llm }))) return undefined;
  return { before: before.path, after: before.path, mode: 'between', interactions: before.interactions.map(samePair), different: false, totals: { before: totals, after: { ...totals } } };
}

/**
 * `diffRewritten` from the two files' bytes: undefined (compare in full) unless the new bytes are
 * the old ones, or differ from them only in volatile fields. `before` is the old bytes, loaded.
 */
export function diffRewrittenBytes(before: Cassette, beforeBytes: Uint8Array, afterBytes: Uint8Array, options: RewrittenOptions = {}): CassetteDiff | undefined {
  if (isGzip(beforeBytes) || isGzip(afterBytes)) return undefined;
  if (Buffer.from(beforeBytes.buffer, beforeBytes.byteOffset, beforeBytes.byteLength).equals(afterBytes)) return diffRewritten(before, 'identical', options);
  const changes = onlyVolatileChanged(beforeBytes, afterBytes);
  return changes && diffRewritten(before, { text: beforeBytes, changes }, options);
}
