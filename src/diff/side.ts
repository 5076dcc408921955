import { analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange } from '../llm/types.js';
import type { Interaction } from '../model/types.js';
import { bodyValue } from './body-value.js';
import { contentKey, sameContent } from './json-diff.js';
import { type UrlParts, urlParts } from './url-parts.js';

/** One interaction prepared for comparison: its LLM meaning, URL parts and normalized body. */
export interface Side {
  interaction: Interaction;
  llm: LlmExchange | undefined;
  url: UrlParts;
  /** The model, from the body or the URL. */
  model: string | undefined;
  body: unknown;
  /** The request with ids masked, as one string: equal strings mean the same request. */
  requestKey: string;
  /** Words of the request body (ids masked), for similarity. */
  tokens: Set<string>;
  /** Words of the response body, to tell apart identical requests (polls) by what they got. */
  responseTokens: Set<string>;
}

function words(value: unknown): Set<string> {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return new Set(text.slice(0, 200_000).split(/[\s,{}[\]":]+/).filter(Boolean));
}

/** `response: false` leaves `llm.response` undefined, for comparisons of requests only (diff FILE). */
export function sideOf(interaction: Interaction, options: { provider?: string | undefined; showNoise?: boolean | undefined; response?: boolean | undefined }): Side {
  let llm: LlmExchange | undefined;
  try {
    llm = analyzeInteraction(interaction, { provider: options.provider, response: options.response });
  } catch {
    llm = undefined;
  }
  const { request, response } = interaction;
  const url = urlParts(request.url);
  const body = bodyValue(request.body, request.headers, { noise: Boolean(options.showNoise), response: false });
  const model = llm?.request.model ?? url.model;
  // The key and the words are needed only when pairing is not one to one in order: made on first use.
  let masked: string | undefined;
  let requestKey: string | undefined;
  let tokens: Set<string> | undefined;
  let responseTokens: Set<string> | undefined;
  return {
    interaction,
    llm,
    url,
    model,
    body,
    get requestKey() {
      return (requestKey ??= `${request.method ?? '\u0000'} ${url.host}${url.route} ${url.model ?? ''}?${queryKey(url)} ${(masked ??= contentKey(body))}`);
    },
    get tokens() {
      return (tokens ??= words((masked ??= contentKey(body))));
    },
    get responseTokens() {
      return (responseTokens ??= words(response ? `${response.status} ${contentKey(bodyValue(response.body, response.headers, { noise: false, response: true }))}` : ''));
    },
  };
}

const queryKey = (url: UrlParts) => [...url.query].sort().map(([k, v]) => `${k}=${v}`).join('&');

/**
 * True only when the two requests' `requestKey`s are equal, found without building them (they
 * hold the whole body). False means "maybe not": compare the keys.
 */
export function sameRequest(a: Side, b: Side): boolean {
  const [x, y] = [a.url, b.url];
  return (
    a.interaction.request.method === b.interaction.request.method &&
    x.host === y.host &&
    x.route === y.route &&
    (x.model ?? '') === (y.model ?? '') &&
    (x.query === y.query || queryKey(x) === queryKey(y)) &&
    sameContent(a.body, b.body)
  );
}

/** Shared words over all words (Jaccard), 1 for two empty sets. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) common++;
  return common / (a.size + b.size - common);
}
