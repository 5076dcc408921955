import { type AnalyzeOptions, analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange } from '../llm/types.js';
import type { Interaction } from '../model/types.js';
import { bodyValue } from './body-value.js';
import { fastPaths } from './fast-paths.js';
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

/**
 * `response: false` leaves `llm.response` undefined, for comparisons of requests only (diff FILE).
 * The LLM meaning (and the model, which may come from it) is worked out on first use: diff FILE
 * asks for it only to describe a message added or removed (the provider detection and the parse
 * of each request were ~8% of diff FILE's CPU on a 10 MiB cassette of edited requests).
 */
export function sideOf(interaction: Interaction, options: { provider?: string | undefined; showNoise?: boolean | undefined; response?: boolean | undefined }): Side {
  const analyze = { provider: options.provider, response: options.response };
  // null: not analyzed yet. With the fast path off (tests), analyzed here as it always was.
  const llm = fastPaths.lazyLlm ? null : llmOf(interaction, analyze);
  const { request } = interaction;
  const url = urlParts(request.url);
  const body = bodyValue(request.body, request.headers, { noise: Boolean(options.showNoise), response: false });
  return new LazySide(interaction, analyze, url, body, llm);
}

/** An interaction's LLM meaning, or undefined when it is none or cannot be read. */
export function llmOf(interaction: Interaction, options: AnalyzeOptions): LlmExchange | undefined {
  try {
    return analyzeInteraction(interaction, options);
  } catch {
    return undefined;
  }
}

/**
 * The LLM meaning, key and words are made on first use (the key and the words are needed only
 * when pairing is not one to one in order). The getters sit on the class, shared by every side:
 * getters written in the object literal were made anew for each side, and V8 gave each side a
 * hidden class of its own (it tells accessors apart by their function), ~40 us a side.
 */
class LazySide implements Side {
  private masked: string | undefined;
  private key: string | undefined;
  private words: Set<string> | undefined;
  private responseWords: Set<string> | undefined;

  constructor(
    public interaction: Interaction,
    private analyze: AnalyzeOptions,
    public url: UrlParts,
    public body: unknown,
    /** null until analyzed. */
    private exchange: LlmExchange | undefined | null,
  ) {}

  get llm(): LlmExchange | undefined {
    if (this.exchange === null) this.exchange = llmOf(this.interaction, this.analyze);
    return this.exchange;
  }

  get model(): string | undefined {
    return this.llm?.request.model ?? this.url.model;
  }

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
