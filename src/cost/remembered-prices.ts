import type { PriceAnswer, PriceQuery, PriceTable } from './price-table.js';

// Every field of a query but the time, in a fixed order: the key of an answer (a type error here
// when PriceQuery gains a field, so none is left out of the key).
const FIELDS = { model: true, url: true, inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWriteTokens: true, reasoningTokens: true, cacheWrite1hTokens: true, webSearches: true, inputAudioTokens: true, outputAudioTokens: true, cacheAudioReadTokens: true, outputImageTokens: true, serviceTier: true, inferenceGeo: true, searchContextSize: true, otherModels: true } satisfies Record<Exclude<keyof PriceQuery, 'at'>, true>;
const KEYS = Object.keys(FIELDS) as (keyof typeof FIELDS)[];

/** The query minus its time, as one string; `undefined` and a missing field are alike. */
function undatedKey(query: PriceQuery): string {
  let key = '';
  for (const k of KEYS) {
    const v = query[k];
    // A string field (and the list of names) is quoted (JSON), so no value can pass for another field's.
    key += v === undefined ? '\u0000' : typeof v === 'string' || typeof v === 'object' ? `${JSON.stringify(v)}\u0000` : `${v}\u0000`;
  }
  return key;
}

/**
 * A price table that answers each question once. Usage and model repeat across a re-record's
 * old and new side and across a file's calls, while the recording time rarely matters: an
 * answer marked `dated: false` is reused for the same query at any time.
 */
export function rememberPrices(table: PriceTable): PriceTable {
  const answers = new Map<string, PriceAnswer>();
  return (query) => {
    const undated = undatedKey(query);
    const shared = answers.get(undated);
    if (shared) return shared;
    const exact = `${undated}@${query.at?.getTime() ?? ''}`;
    let answer = answers.get(exact);
    if (!answer) {
      answer = table(query);
      answers.set(answer.dated === false ? undated : exact, answer);
    }
    return answer;
  };
}
