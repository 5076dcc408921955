import { analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange } from '../llm/types.js';
import type { Interaction } from '../model/types.js';
import { bodyValue } from './body-value.js';
import { contentDiffers, contentKey, sameContent } from './json-diff.js';
import { type UrlParts, urlParts } from './url-parts.js';
import { wordsOf, wordsOfText } from './words.js';

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

/** `response: false` leaves `llm.response` undefined, for comparisons of requests only (diff FILE). */
export function sideOf(interaction: Interaction, options: { provider?: string | undefined; showNoise?: boolean | undefined; response?: boolean | undefined }): Side {
  let llm: LlmExchange | undefined;
  try {
    llm = analyzeInteraction(interaction, { provider: options.provider, response: options.response });
  } catch {
    llm = undefined;
  }
  const { request } = interaction;
  const url = urlParts(request.url);
  const body = bodyValue(request.body, request.headers, { noise: Boolean(options.showNoise), response: false });
  return new LazySide(interaction, llm, url, llm?.request.model ?? url.model, body);
}

/**
 * The key and the words are needed only when pairing is not one to one in order: made on first
 * use. The getters sit on the class, shared by every side: getters written in the object literal
 * were made anew for each side, and V8 gave each side a hidden class of its own (it tells accessors
 * apart by their function), ~40 us a side.
 */
class LazySide implements Side {
  private masked: string | undefined;
  private key: string | undefined;
  private words: Set<string> | undefined;
  private responseWords: Set<string> | undefined;

  constructor(
    public interaction: Interaction,
    public llm: LlmExchange | undefined,
    public url: UrlParts,
    public model: string | undefined,
    public body: unknown,
  ) {}

  get requestKey(): string {
    const { url } = this;
    return (this.key ??= `${this.interaction.request.method ?? '\u0000'} ${url.host}${url.route} ${url.model ?? ''}?${queryKey(url)} ${(this.masked ??= contentKey(this.body))}`);
  }

  // The words of the keys above, found without building them (see wordsOf).
  get tokens(): Set<string> {
    return (this.words ??= wordsOf(this.body, '', () => (this.masked ??= contentKey(this.body)) ?? ''));
  }

  get responseTokens(): Set<string> {
    if (this.responseWords) return this.responseWords;
    const response = this.interaction.response;
    if (!response) return (this.responseWords = wordsOfText(''));
    const value = bodyValue(response.body, response.headers, { noise: false, response: true });
    return (this.responseWords = wordsOf(value, `${response.status} `, () => `${response.status} ${contentKey(value)}`));
  }
}

const queryKey = (url: UrlParts) => [...url.query].sort().map(([k, v]) => `${k}=${v}`).join('&');

/** The same method, host, route, model in the URL and query: the part of `requestKey` before the body. */
function sameCall(a: Side, b: Side): boolean {
  const [x, y] = [a.url, b.url];
  return a.interaction.request.method === b.interaction.request.method && x.host === y.host && x.route === y.route && (x.model ?? '') === (y.model ?? '') && (x.query === y.query || queryKey(x) === queryKey(y));
}

/**
 * `a.requestKey === b.requestKey`, building the keys only when neither shortcut can tell: the
 * same call with the same content (sameContent), or with content that differs (contentDiffers).
 */
export function sameRequestKey(a: Side, b: Side): boolean {
  if (!sameCall(a, b)) return a.requestKey === b.requestKey;
  if (sameContent(a.body, b.body)) return true;
  return !contentDiffers(a.body, b.body) && a.requestKey === b.requestKey;
}

/** Shared words over all words (Jaccard), 1 for two empty sets. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  // forEach, not for-of: no iterator step allocated while this code is not yet optimized.
  small.forEach((t) => {
    if (large.has(t)) common++;
  });
  return common / (a.size + b.size - common);
}
