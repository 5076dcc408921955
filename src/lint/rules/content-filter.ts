import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';

/**
 * Finish reasons that say a provider's content filter stopped or blocked the answer: OpenAI and
 * Azure OpenAI `content_filter` (Azure ends a stream with it when its output filter trips), Gemini
 * `SAFETY`, `RECITATION`, `BLOCKLIST`, `PROHIBITED_CONTENT`, `SPII`, `IMAGE_SAFETY`, Anthropic
 * `refusal` (its streaming classifiers), Bedrock Converse `guardrail_intervened` and
 * `content_filtered`.
 */
const FILTERED = new Set(['content_filter', 'SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'refusal', 'guardrail_intervened', 'content_filtered']);

export const contentFilter: Rule = {
  id: 'content-filter',
  defaultSeverity: 'warn',
  category: 'hygiene',
  description: 'a response was stopped by a content filter (finish reason content_filter, SAFETY, refusal, guardrail_intervened): tests replay a filtered answer',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const r = ctx.llm(i)?.response;
      if (!r) return [];
      const reasons = r.choices ? r.choices.map((c) => c.finishReason) : [r.finishReason];
      const filtered = reasons.find((reason) => reason !== undefined && FILTERED.has(reason));
      if (filtered === undefined) return [];
      const where = r.streamed ? 'stream' : 'response';
      return [{ message: `${r.provider} ${where} was stopped by a content filter (finish reason ${filtered}): a replay feeds the test a filtered, possibly partial answer`, path: i.fieldPaths['response.body'] }];
    });
  },
};
