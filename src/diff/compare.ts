import { analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange } from '../llm/types.js';
import type { Body, Cassette, Interaction } from '../model/types.js';
import { maskSecretsInText, maskUrl } from '../secrets/mask.js';
import { diffJson } from './json-diff.js';
import { canonical, ignoreMatcher } from './noise.js';
import { pairInteractions } from './pair.js';
import { changeText, summarizeRequest } from './summary.js';
import type { CassetteDiff, DiffOptions, InteractionDiff, JsonChange, SideDiff } from './types.js';

interface Side {
  interaction: Interaction;
  llm: LlmExchange | undefined;
}

function sideOf(interaction: Interaction, options: DiffOptions): Side {
  let llm: LlmExchange | undefined;
  try {
    llm = analyzeInteraction(interaction, { provider: options.provider });
  } catch {
    llm = undefined;
  }
  return { interaction, llm };
}

/** The request as compared: method and URL, then the body as canonical JSON (or text). */
function requestValue(side: Side, options: DiffOptions): unknown {
  const { request } = side.interaction;
  return { method: request.method, url: maskUrl(request.url), body: bodyValue(request.body, options, false) };
}

function bodyValue(body: Body, options: DiffOptions, response: boolean): unknown {
  if (body.isJson) return canonical(body.json, { noise: Boolean(options.showNoise), response });
  if (body.binary) return `(${body.size} bytes of binary data)`;
  return body.text ?? '';
}

/** What a response means: reassembled text, tool calls, finish reason, usage and cost; not its chunks. */
function responseValue(side: Side, options: DiffOptions): unknown {
  const res = side.interaction.response;
  if (!res) return { status: null };
  const r = side.llm?.response;
  if (!r) return { status: res.status, body: bodyValue(res.body, options, true) };
  const meaning: Record<string, unknown> = {
    status: res.status,
    model: r.model ?? null,
    text: r.text,
    reasoning: r.reasoning,
    toolCalls: r.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments })),
    finishReason: r.finishReason ?? null,
    usage: { inputTokens: r.usage?.inputTokens ?? null, outputTokens: r.usage?.outputTokens ?? null, cacheReadTokens: r.usage?.cacheReadTokens ?? null, reasoningTokens: r.usage?.reasoningTokens ?? null },
    cost: r.usage?.cost ?? null,
  };
  if (r.refusal) meaning.refusal = r.refusal;
  if (r.error) meaning.error = r.error.message;
  if (r.embeddings) meaning.embeddings = r.embeddings;
  if (options.showNoise) meaning.id = r.id ?? null;
  return meaning;
}

// Diffs are printed and pasted into reviews: key shapes in bodies are masked like everywhere else.
const pretty = (value: unknown) => maskSecretsInText(typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskSecretsInText(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)]));
  return value;
}

/** Changes minus `--ignore`d paths, with secrets in their values masked. */
function filtered(changes: JsonChange[], options: DiffOptions, prefix: string): JsonChange[] {
  const ignored = options.ignore?.length ? ignoreMatcher(options.ignore) : undefined;
  return changes
    .filter((c) => !ignored || (!ignored(c.path) && !ignored(c.path.replace(prefix, ''))))
    .map((c) => ({ ...c, ...('before' in c ? { before: maskDeep(c.before) } : {}), ...('after' in c ? { after: maskDeep(c.after) } : {}) }));
}

function compareRequests(a: Side, b: Side, options: DiffOptions): SideDiff {
  const before = requestValue(a, options) as { method: string; url: string; body: unknown };
  const after = requestValue(b, options) as { method: string; url: string; body: unknown };
  const changes: JsonChange[] = [];
  if (before.method !== after.method) changes.push({ path: 'method', kind: 'changed', before: before.method, after: after.method });
  if (before.url !== after.url) changes.push({ path: 'url', kind: 'changed', before: before.url, after: after.url });
  const bodyChanges = filtered(diffJson(before.body, after.body), options, '');
  const summary = summarizeRequest(bodyChanges, { beforeMessages: a.llm?.request.messages, afterMessages: b.llm?.request.messages, beforeRaw: before.body, afterRaw: after.body });
  for (const c of changes) summary.unshift({ category: 'request', text: changeText(c) });
  for (const line of summary) line.text = maskSecretsInText(line.text);
  return { summary, changes: [...changes, ...bodyChanges], before: pretty(before.body), after: pretty(after.body) };
}

function compareResponses(a: Side, b: Side, options: DiffOptions): SideDiff {
  const before = responseValue(a, options);
  const after = responseValue(b, options);
  const changes = filtered(diffJson(before, after), options, '');
  const summary = changes.map((c) => ({ category: /^(usage|cost)/.test(c.path) ? ('usage' as const) : ('response' as const), text: maskSecretsInText(changeText(c)) }));
  return { summary, changes, before: pretty(before), after: pretty(after) };
}

function label(i: Interaction): string {
  return `${i.request.method} ${maskUrl(i.request.url)}`;
}

function pairDiff(a: Side | undefined, b: Side | undefined, options: DiffOptions, withResponse: boolean): InteractionDiff {
  if (!a || !b) {
    const only = (a ?? b)!;
    return { before: a?.interaction.index, after: b?.interaction.index, label: label(only.interaction), status: a ? 'removed' : 'added' };
  }
  const request = compareRequests(a, b, options);
  const response = withResponse ? compareResponses(a, b, options) : undefined;
  const changed = request.changes.length > 0 || (response?.changes.length ?? 0) > 0;
  return { before: a.interaction.index, after: b.interaction.index, label: label(b.interaction), status: changed ? 'changed' : 'same', request, response };
}

/** `cassette diff FILE`: each interaction's request against the one before it (or `from` against `to`). */
export function diffWithin(cassette: Cassette, options: DiffOptions & { from?: number | undefined; to?: number | undefined } = {}): CassetteDiff {
  const sides = cassette.interactions.map((i) => sideOf(i, options));
  const pairs: [number, number][] = [];
  if (options.from !== undefined || options.to !== undefined) {
    const from = options.from ?? 0;
    const to = options.to ?? sides.length - 1;
    pairs.push([from, to]);
  } else for (let i = 1; i < sides.length; i++) pairs.push([i - 1, i]);
  const interactions = pairs.map(([x, y]) => pairDiff(sides[x], sides[y], options, false));
  return { before: cassette.path, after: cassette.path, mode: 'within', interactions, different: interactions.some((d) => d.status !== 'same') };
}

/** `cassette diff OLD NEW`: two cassettes of any formats, paired by position or by similarity. */
export function diffCassettes(before: Cassette, after: Cassette, options: DiffOptions = {}): CassetteDiff {
  const a = before.interactions.map((i) => sideOf(i, options));
  const b = after.interactions.map((i) => sideOf(i, options));
  const interactions = pairInteractions(before.interactions, after.interactions).map(([x, y]) => pairDiff(x === undefined ? undefined : a[x], y === undefined ? undefined : b[y], options, true));
  return { before: before.path, after: after.path, mode: 'between', interactions, different: interactions.some((d) => d.status !== 'same') };
}
