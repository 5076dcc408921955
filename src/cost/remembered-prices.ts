import type { PriceAnswer, PriceTable } from './price-table.js';

/**
 * A price table that answers each question once. Usage and model repeat across a re-record's
 * old and new side and across a file's calls, while the recording time rarely matters: an
 * answer marked `dated: false` is reused for the same query at any time.
 */
export function rememberPrices(table: PriceTable): PriceTable {
  const answers = new Map<string, PriceAnswer>();
  return (query) => {
    const undated = JSON.stringify({ ...query, at: undefined });
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
