/** What a price lookup needs: normalized usage, the model, the request URL and when it was recorded. */
export interface PriceQuery {
  model: string;
  /**
   * The call's other names for its model (the request's `gpt-4o-mini` beside the response's
   * `gpt-4o-mini-2024-07-18`, the one in the URL): a price file that names any of them wins over
   * the bundled price of `model`.
   */
  otherModels?: readonly string[] | undefined;
  url: string;
  at?: Date | undefined;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** The part of `outputTokens` spent on reasoning. */
  reasoningTokens?: number | undefined;
  /** The part of `cacheWriteTokens` written with Anthropic's 1-hour TTL. */
  cacheWrite1hTokens?: number | undefined;
  /** Perplexity's `search_context_size` (`low`, `medium`, `high`), which sets its per-request fee. */
  searchContextSize?: string | undefined;
  /** Server-side web searches (Anthropic), priced per thousand (`web_searches_kcount`). */
  webSearches?: number | undefined;
  /** Audio tokens among the input and output tokens, priced at `input_audio_mtok` / `output_audio_mtok` where the table has them. */
  inputAudioTokens?: number | undefined;
  outputAudioTokens?: number | undefined;
  cacheAudioReadTokens?: number | undefined;
  /** Image tokens among the output tokens, priced at `output_image_mtok` where the table has it. */
  outputImageTokens?: number | undefined;
  /** OpenAI's `service_tier` of the response (`flex`: half the standard price; `priority`: OpenAI's Priority table). */
  serviceTier?: string | undefined;
  /** Anthropic's `usage.inference_geo` (`us`: 1.1x every token price). */
  inferenceGeo?: string | undefined;
}

/**
 * A price, with a note when it was made by a fallback a reader should know about. `dated: false`
 * says the same query at any other time gets the same answer (the model has one price, no history,
 * or no table knows it).
 */
export type PriceAnswer = { cost: number; pricedAs: string; note?: string | undefined; dated?: boolean | undefined } | { reason: string; dated?: boolean | undefined };

/** A source of list prices: the bundled genai-prices data, a `--price-file`, or both. */
export type PriceTable = (query: PriceQuery) => PriceAnswer;

/** Try each table in turn; the first that knows the model answers. */
export function chainTables(tables: readonly PriceTable[]): PriceTable {
  return (query) => {
    let last: PriceAnswer = { reason: `no price for model "${query.model}"` };
    for (const table of tables) {
      const answer = table(query);
      if ('cost' in answer) return answer;
      last = answer;
    }
    return last;
  };
}
