import type { Interaction } from '../model/types.js';
import { type Side, sameRequestKey, sideOf, similarity } from './side.js';

/** Pairs in reading order (`undefined` on the side where the interaction is missing) and which pairs moved. */
export interface Pairing {
  pairs: [number | undefined, number | undefined][];
  /** Keys `before:after` of pairs that cross another pair (order changed). */
  moved: Set<string>;
}

// Above this many candidate pairs, only same-route pairs are scored (a changed route then shows as removed + added).
const FULL_SCORING_LIMIT = 250_000;

// Above this many candidate pairs (about 100 x 100 interactions), not every pair is scored: only a
// band of BAND candidates either side of each interaction's relative position, plus identical
// requests (equal request keys, found through a map) in a band of their own. Scoring every pair
// was quadratic: ~1M similarity computations, ~15-30 s CPU, on two 10 MiB cassettes of ~1,000 calls
// each on one route. Diff tools narrow big inputs the same way (git's diff gives up on costly
// searches, difftastic falls back to a line diff). A call moved farther than the band still pairs
// when unchanged (key map) or when it shares a word no other call has (uniqueWordPairs); otherwise
// it may pair with a neighbour in the band, or read as one removed and one added.
const BAND_LIMIT = 10_000;
const BAND = 32;

/** Scores a candidate pair (see `scoreSides`); `pairSides` takes another for tests that count calls. */
export type Scorer = (a: Side, b: Side, full: boolean) => number;

/**
 * How alike two interactions are, or -1 when they are not the same call. Same call: same method
 * and the same route (host and path, model and ids masked), or, for a changed route (an endpoint
 * renamed, a router host), the same model with a similar body, when `full` (few enough candidates).
 * Exact requests score 10 or more, any other pair below 6; request-body and response similarity
 * break ties.
 */
export function scoreSides(a: Side, b: Side, full: boolean): number {
  if (a.interaction.request.method !== b.interaction.request.method) return -1;
  const sameRoute = a.url.route === b.url.route && a.url.host === b.url.host;
  if (!sameRoute && !full) return -1;
  if (sameRequestKey(a, b)) return 10 + similarity(a.responseTokens, b.responseTokens);
  const sameModel = a.model !== undefined && a.model === b.model;
  const body = similarity(a.tokens, b.tokens);
  if (!sameRoute && !(sameModel && body >= 0.5) && !(body >= 0.9 && a.url.route === b.url.route)) return -1;
  return (sameRoute ? 2 : 0) + (a.url.route === b.url.route ? 0.5 : 0) + (sameModel ? 1 : 0) + 2 * body + 0.3 * similarity(a.responseTokens, b.responseTokens);
}

/**
 * Pair interactions of two cassettes by identity, not position: best-scoring pairs first (ties
 * to the nearest relative position), so a swapped pair is two exact matches in another order,
 * an inserted call is one addition, and a changed request on the same route is one change.
 * Up to BAND_LIMIT candidate pairs every pair is scored; above it, a band of them (`bandPairs`):
 * at most 2 * (2 * BAND + 1) * (n + m) + n scores.
 */
export function pairSides(before: readonly Side[], after: readonly Side[], scorer: Scorer = scoreSides): Pairing {
  const n = before.length;
  const m = after.length;
  if (n === m && before.every((s, i) => sameRequestKey(s, after[i]!))) return { pairs: before.map((_, i) => [i, i]), moved: new Set() };
  const full = n * m <= FULL_SCORING_LIMIT;
  const candidates: [number, number, number, number][] = [];
  const add = (i: number, j: number) => {
    const s = scorer(before[i]!, after[j]!, full);
    if (s >= 0) candidates.push([s, Math.abs(i / Math.max(1, n) - j / Math.max(1, m)), i, j]);
  };
  if (n * m <= BAND_LIMIT) {
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) add(i, j);
  } else for (const k of bandPairs(before, after)) add(Math.floor(k / m), k % m);
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3]);
  const toAfter = new Map<number, number>();
  const taken = new Set<number>();
  for (const [, , i, j] of candidates) {
    if (toAfter.has(i) || taken.has(j)) continue;
    toAfter.set(i, j);
    taken.add(j);
  }
  return { pairs: ordered(n, m, toAfter), moved: crossing(toAfter) };
}

/**
 * The candidate pairs scored above BAND_LIMIT, each as `i * m + j`: every (i, j) with j within
 * BAND of i's relative position (and i within BAND of j's, so neither side's extra calls go
 * unscored), identical requests (same `requestKey`) within BAND of each other's place among
 * their twins, and `uniqueWordPairs`. Building the keys and words is linear in the cassettes' size.
 */
function bandPairs(before: readonly Side[], after: readonly Side[]): Set<number> {
  const n = before.length;
  const m = after.length;
  const keys = new Set<number>();
  // (x, y) for x < count, y < other within BAND of x's relative place, then the same the other way.
  const band = (count: number, other: number, put: (x: number, y: number) => void) => {
    const oneWay = (c: number, o: number, add: (x: number, y: number) => void) => {
      for (let x = 0; x < c; x++) {
        const centre = Math.round((x * o) / c);
        for (let y = Math.max(0, centre - BAND); y <= Math.min(o - 1, centre + BAND); y++) add(x, y);
      }
    };
    oneWay(count, other, put);
    oneWay(other, count, (y, x) => put(x, y));
  };
  band(n, m, (i, j) => keys.add(i * m + j));
  const twins = new Map<string, [number[], number[]]>();
  before.forEach((s, i) => {
    const group = twins.get(s.requestKey);
    if (group) group[0].push(i);
    else twins.set(s.requestKey, [[i], []]);
  });
  after.forEach((s, j) => twins.get(s.requestKey)?.[1].push(j));
  for (const [olds, news] of twins.values()) {
    if (news.length === 0) continue;
    band(olds.length, news.length, (p, q) => keys.add(olds[p]! * m + news[q]!));
  }
  for (const [i, j] of uniqueWordPairs(before, after)) keys.add(i * m + j);
  return keys;
}

/**
 * For each old call, the new call sharing the most request words that occur in one request of
 * each side only (as patience diff anchors on unique lines), ties to the first: a changed call
 * moved farther than the band is still a candidate. At most one pair per old call; linear.
 */
function uniqueWordPairs(before: readonly Side[], after: readonly Side[]): [number, number][] {
  // Word -> the one side holding it, or -1 when several do.
  const owners = (sides: readonly Side[]) => {
    const owner = new Map<string, number>();
    sides.forEach((s, x) => {
      for (const w of s.tokens) owner.set(w, owner.has(w) ? -1 : x);
    });
    return owner;
  };
  const news = owners(after);
  const votes = new Map<number, Map<number, number>>();
  for (const [w, i] of owners(before)) {
    const j = news.get(w);
    if (i < 0 || j === undefined || j < 0) continue;
    const row = votes.get(i) ?? votes.set(i, new Map()).get(i)!;
    row.set(j, (row.get(j) ?? 0) + 1);
  }
  return [...votes].map(([i, row]) => {
    let best = -1;
    for (const [j, count] of row) if (best < 0 || count > row.get(best)! || (count === row.get(best)! && j < best)) best = j;
    return [i, best];
  });
}

/** Pairs and additions in the new cassette's order; a removed interaction follows its old predecessor. */
function ordered(n: number, m: number, toAfter: Map<number, number>): [number | undefined, number | undefined][] {
  const rows: { at: number; tie: number; pair: [number | undefined, number | undefined] }[] = [];
  const paired = new Set(toAfter.values());
  for (let j = 0; j < m; j++) if (!paired.has(j)) rows.push({ at: j, tie: 0, pair: [undefined, j] });
  let anchor = -1;
  for (let i = 0; i < n; i++) {
    const j = toAfter.get(i);
    if (j !== undefined) {
      rows.push({ at: j, tie: 0, pair: [i, j] });
      anchor = Math.max(anchor, j);
    } else rows.push({ at: anchor + 0.5, tie: i, pair: [i, undefined] });
  }
  return rows.sort((a, b) => a.at - b.at || a.tie - b.tie).map((r) => r.pair);
}

/** Pairs that cross another pair: an earlier old interaction paired with a later new one, or the reverse. */
function crossing(toAfter: Map<number, number>): Set<string> {
  const pairs = [...toAfter].sort((a, b) => a[0] - b[0]);
  const moved = new Set<string>();
  const maxBefore: number[] = [];
  let max = -1;
  for (const [, j] of pairs) {
    maxBefore.push(max);
    max = Math.max(max, j);
  }
  let min = Infinity;
  for (let k = pairs.length - 1; k >= 0; k--) {
    const [i, j] = pairs[k]!;
    if (maxBefore[k]! > j || min < j) moved.add(`${i}:${j}`);
    min = Math.min(min, j);
  }
  return moved;
}

/** Pair two lists of interactions (see `pairSides`); for callers without prepared sides. */
export function pairInteractions(before: readonly Interaction[], after: readonly Interaction[]): [number | undefined, number | undefined][] {
  return pairSides(before.map((i) => sideOf(i, {})), after.map((i) => sideOf(i, {}))).pairs;
}
