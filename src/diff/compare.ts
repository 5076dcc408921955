import type { Interaction } from '../model/types.js';
import { isKeyValueSecret } from '../secrets/detect.js';
import { maskSecret, maskSecretsInText, maskUrl } from '../secrets/mask.js';
import { isKeyLikeName } from '../secrets/patterns.js';
import { detachDeep } from '../text/detach.js';
import { fastPaths } from './fast-paths.js';
import { diffHeaders } from './headers-diff.js';
import { diffJson, isIdChange, lastKey } from './json-diff.js';
import { ignoreMatcher } from './noise.js';
import { pairSides } from './pair.js';
import { splitRenames } from './renames.js';
import { responseValue } from './response-value.js';
import { type Side, sameRequestKey, sideOf } from './side.js';
import { type RequestSides, changeText, sortLines, summarizeRequest, summarizeResponse } from './summary.js';
import { sideTotals } from './totals.js';
import type { CassetteDiff, DiffOptions, InteractionDiff, JsonChange, SideDiff, SideTotals, SummaryLine } from './types.js';
import { diffUrls } from './url-diff.js';
import { methodLabel } from '../model/method.js';
import { clipText } from '../secrets/clip.js';

// Diffs are printed and pasted into reviews: key shapes in bodies are masked like everywhere else.
const pretty = (value: unknown) => maskSecretsInText(typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

// A request body's text, once per side: diff FILE shows each body as the after of one pair and the
// before of the next, and the two results then share the string.
const prettyBodies = new WeakMap<Side, string>();
function prettyBody(side: Side): string {
  let text = prettyBodies.get(side);
  if (text === undefined) prettyBodies.set(side, (text = pretty(side.body)));
  return text;
}

// A string under an object's key is masked whole when the key says credential and it looks random, as
// lint's secret-body judges it: its text alone (`Xyz8Q~…`, no `name=` before it) holds no sign of being one.
function maskDeep(value: unknown, key: string): unknown {
  if (typeof value === 'string') return isKeyValueSecret(key, value) ? maskSecret(value) : maskSecretsInText(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, key));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, k)]));
  return value;
}


/** Changes minus `--ignore`d paths, with secrets in their values masked. */
function filtered(changes: JsonChange[], options: DiffOptions): JsonChange[] {
  const ignored = options.ignore?.length ? ignoreMatcher(options.ignore) : undefined;
  return changes
    .filter((c) => !ignored || !ignored(c.path))
    .map((c) => ({ ...c, ...('before' in c ? { before: maskDeep(c.before, '') } : {}), ...('after' in c ? { after: maskDeep(c.after, '') } : {}) }));
}

/**
 * A change kept (not a rename) whose value is a string under a credential's key, masked whole.
 * Done after renames are judged, which compare the values as they are (`access_token` minted again).
 */
function maskedUnderKey(c: JsonChange): JsonChange {
  const key = lastKey(c.path);
  const mask = (v: unknown) => (typeof v === 'string' && isKeyValueSecret(key, v) ? maskSecret(v) : v);
  return { ...c, ...('before' in c ? { before: mask(c.before) } : {}), ...('after' in c ? { after: mask(c.after) } : {}) };
}

/** Id segments of two paths with the same route that differ: `thread_A → thread_B`. Exported for its test. */
export function pathIdPairs(a: Side, b: Side): [string, string][] {
  if (fastPaths.samePath && a.url.path === b.url.path) return []; // every segment the same
  const [sa, sb] = [a.url.path.split('/'), b.url.path.split('/')];
  if (sa.length !== sb.length || a.url.route !== b.url.route) return [];
  return sa.flatMap((s, k): [string, string][] => (s !== sb[k] ? [[s, sb[k]!]] : []));
}

function requestLines(a: Side, b: Side): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const [ra, rb] = [a.interaction.request, b.interaction.request];
  if (ra.method !== rb.method) lines.push({ category: 'request', text: `method: ${methodLabel(ra.method)} → ${methodLabel(rb.method)}` });
  lines.push(...diffUrls(a.url, b.url).lines, ...diffHeaders(ra.headers, rb.headers, 'request'));
  if (a.interaction.response && b.interaction.response) lines.push(...diffHeaders(a.interaction.response.headers, b.interaction.response.headers, 'response'));
  return lines;
}

/**
 * The sides for summarizeRequest: their messages are asked for only to describe one added or
 * removed. A class, not getters in an object literal: V8 gives each such literal a hidden class of its own.
 */
class RequestSidesOf implements RequestSides {
  constructor(
    private a: Side,
    private b: Side,
  ) {}

  get beforeMessages() {
    return this.a.llm?.request.messages;
  }

  get afterMessages() {
    return this.b.llm?.request.messages;
  }

  get beforeRaw() {
    return this.a.body;
  }

  get afterRaw() {
    return this.b.body;
  }
}

function masked(lines: SummaryLine[]): SummaryLine[] {
  for (const line of lines) line.text = maskSecretsInText(line.text);
  return lines;
}

function pairDiff(a: Side, b: Side, options: DiffOptions, withResponse: boolean): InteractionDiff {
  const noise = { noise: Boolean(options.showNoise), response: true };
  const bodyChanges = filtered(diffJson(a.body, b.body), options);
  const responseChanges = withResponse ? filtered(diffJson(responseValue(a, noise), responseValue(b, noise)), options) : [];
  // Renames are judged over the whole pair: an id in a request often echoes one in an earlier response.
  const split = splitRenames([...bodyChanges, ...responseChanges], pathIdPairs(a, b));
  const requestChanges = bodyChanges.filter((c) => split.changes.includes(c)).map(maskedUnderKey);
  const urlAndHeaders = requestLines(a, b);
  const requestSummary = masked(sortLines([...urlAndHeaders, ...summarizeRequest(requestChanges, new RequestSidesOf(a, b))]));
  const request: SideDiff = {
    summary: requestSummary,
    changes: [...urlAndHeaders.map((l): JsonChange => ({ path: l.category === 'headers' ? 'headers' : 'url', kind: 'changed', detail: l.text })), ...requestChanges],
    before: '',
    after: '',
  };
  let response: SideDiff | undefined;
  if (withResponse) {
    const kept = responseChanges.filter((c) => split.changes.includes(c)).map(maskedUnderKey);
    // The model in the URL and in the response say the same thing: say it once.
    const said = new Set(requestSummary.map((l) => l.text));
    const summary = masked(summarizeResponse(kept)).filter((l) => !said.has(l.text));
    response = { summary, changes: kept, before: '', after: '' };
  }
  const changed = request.summary.length > 0 || (response?.summary.length ?? 0) > 0 || request.changes.length > 0 || (response?.changes.length ?? 0) > 0;
  // The texts for the unified diff are made only for pairs that differ (most of a re-record does
  // not), and only when a patch is printed.
  if (changed && options.texts !== false) {
    Object.assign(request, { before: prettyBody(a), after: prettyBody(b) });
    if (response) Object.assign(response, { before: pretty(responseValue(a, noise)), after: pretty(responseValue(b, noise)) });
  }
  // A token under a key-like name (`access_token`) minted again is a rename, and a credential: masked.
  const secret = new Set([...bodyChanges, ...responseChanges].filter((c) => isIdChange(c) && isKeyLikeName(lastKey(c.path))).flatMap((c) => [String(c.before), String(c.after)]));
  const shown = (id: string) => (secret.has(id) ? maskSecret(id) : id);
  const renamed = split.renamed.map(([x, y, n]) => maskSecretsInText(`id renamed consistently: ${shown(x)} → ${shown(y)}${n > 1 ? ` (${n} places)` : ''}`));
  return { before: a.interaction.index, after: b.interaction.index, label: label(b.interaction), status: changed ? 'changed' : 'same', request, response, ...(renamed.length ? { noise: renamed } : {}) };
}

function label(i: Interaction): string {
  return `${methodLabel(i.request.method)} ${maskedUrl(i.request.url)}`;
}

// The calls of a cassette mostly go to one URL: its masked form is kept for the next (maskUrl is pure).
let lastUrl: { url: string; masked: string } | undefined;
/** maskUrl, remembered for the last URL. Exported for its test. */
export function maskedUrl(url: string): string {
  if (lastUrl?.url !== url) lastUrl = { url, masked: maskUrl(url) };
  return lastUrl.masked;
}

/** What an added or removed interaction is: its model and first user message. */
function describe(side: Side): string | undefined {
  const first = side.llm?.request.messages.find((m) => m.role === 'user')?.text;
  const parts = [side.model ? `model ${side.model}` : undefined, first ? JSON.stringify(first.length > 60 ? `${clipText(first, 59)}…` : first) : undefined].filter(Boolean);
  return parts.length ? maskSecretsInText(parts.join(', ')) : undefined;
}

function lonely(side: Side, status: 'added' | 'removed'): InteractionDiff {
  const index = side.interaction.index;
  return { before: status === 'removed' ? index : undefined, after: status === 'added' ? index : undefined, label: label(side.interaction), status, description: describe(side) };
}

/** `cassette diff FILE`: each interaction's request against the one before it (or `from` against `to`). */
export function diffWithin(
  cassette: { path: string; interactions: readonly Interaction[] },
  options: DiffOptions & { from?: number | undefined; to?: number | undefined } = {},
  stream: { count: number; interactions: Iterable<Interaction> } = { count: cassette.interactions.length, interactions: cassette.interactions },
): CassetteDiff {
  // Kept to the end: their strings must not hold the streamed interactions' text (see detachDeep).
  const interactions = Array.from(diffWithinSteps(options, stream), (d) => detachDeep(d));
  return { before: cassette.path, after: cassette.path, mode: 'within', interactions, different: interactions.some((d) => d.status !== 'same') };
}

/**
 * diffWithin's steps one by one, each made as its interaction is read: a caller that prints each
 * and lets it go (diff FILE's text output) holds one step, not all. Only the previous interaction,
 * or the two compared, are kept.
 */
export function* diffWithinSteps(
  options: DiffOptions & { from?: number | undefined; to?: number | undefined },
  stream: { count: number; interactions: Iterable<Interaction> },
): Generator<InteractionDiff> {
  const compared = options.from !== undefined || options.to !== undefined ? [options.from ?? 0, options.to ?? stream.count - 1] : undefined;
  const kept = new Map<number, Side>();
  let previous: Side | undefined;
  // Only requests are compared here: responses are not reassembled.
  const sideOptions = { ...options, response: false };
  for (const interaction of stream.interactions) {
    const index = interaction.index;
    if (compared) {
      if (compared.includes(index)) kept.set(index, sideOf(interaction, sideOptions));
      continue;
    }
    const side = sideOf(interaction, sideOptions);
    if (previous) yield pairDiff(previous, side, options, false);
    previous = side;
  }
  if (compared) yield pairDiff(kept.get(compared[0]!)!, kept.get(compared[1]!)!, options, false);
}

/**
 * `cassette diff OLD NEW`: two cassettes of any formats. Interactions are paired by identity
 * (method, route with ids masked, model, body similarity), then each pair is compared by meaning.
 */
export function diffCassettes(before: { path: string; interactions: readonly Interaction[] }, after: { path: string; interactions: readonly Interaction[] }, options: DiffOptions = {}): CassetteDiff {
  const a = before.interactions.map((i) => sideOf(i, options));
  const b = after.interactions.map((i) => sideOf(i, options));
  const { pairs, moved } = pairSides(a, b);
  const interactions = pairs.map(([x, y]): InteractionDiff => {
    if (x === undefined) return lonely(b[y!]!, 'added');
    if (y === undefined) return lonely(a[x]!, 'removed');
    const d = pairDiff(a[x]!, b[y]!, options, true);
    return moved.has(`${x}:${y}`) ? { ...d, moved: true } : d;
  });
  return {
    before: before.path,
    after: after.path,
    mode: 'between',
    interactions,
    different: interactions.some((d) => d.status !== 'same'),
    ...(moved.size ? { orderChanged: true } : {}),
    totals: { before: sideTotals(a, options), after: sideTotals(b, options) },
  };
}

/** A cassette read one interaction at a time (see openCassette); `interactions` may be called again. */
export interface InteractionSource {
  path: string;
  count: number;
  interactions(): Iterable<Interaction>;
}

/**
 * diffCassettes for two streamed cassettes. When they hold the same calls in the same order (a
 * re-record, the usual case), which is when pairing would pair them one to one, each pair is
 * compared as it is read and let go, so memory stays flat. At the first call out of order both
 * are read again whole and paired as diffCassettes does: the result is the same either way.
 */
export function diffCassetteStreams(before: InteractionSource, after: InteractionSource, options: DiffOptions = {}): CassetteDiff {
  if (before.count === after.count) {
    const a = before.interactions()[Symbol.iterator]();
    const b = after.interactions()[Symbol.iterator]();
    const interactions: InteractionDiff[] = [];
    const totals = { before: sideTotals([], options), after: sideTotals([], options) };
    let inOrder = true;
    for (let x = a.next(), y = b.next(); !x.done && !y.done; x = a.next(), y = b.next()) {
      const [sa, sb] = [sideOf(x.value, options), sideOf(y.value, options)];
      if (!sameRequestKey(sa, sb)) {
        inOrder = false;
        break;
      }
      interactions.push(detachDeep(pairDiff(sa, sb, options, true)));
      addTotals(totals.before, sa, options);
      addTotals(totals.after, sb, options);
    }
    if (inOrder) return { before: before.path, after: after.path, mode: 'between', interactions, different: interactions.some((d) => d.status !== 'same'), totals };
  }
  const whole = (source: InteractionSource) => ({ path: source.path, interactions: [...source.interactions()] });
  return diffCassettes(whole(before), whole(after), options);
}

/** sideTotals over the sides so far plus one, in the same order of additions. */
function addTotals(totals: SideTotals, side: Side, options: DiffOptions): void {
  const one = sideTotals([side], options);
  totals.inputTokens += one.inputTokens;
  totals.outputTokens += one.outputTokens;
  if (one.cost !== null) totals.cost = (totals.cost ?? 0) + one.cost;
}

export { changeText };
