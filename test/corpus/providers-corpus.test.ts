import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import type { ProviderId } from '../../src/llm/types.js';
import { loadCassette } from '../../src/load.js';
import { CORPUS, hasCorpus, manifest } from '../helpers/corpus.js';

/** MANIFEST wire formats (column 3, before `@`) and the provider ids that may claim them. */
const WIRES: [RegExp, ProviderId[]][] = [
  [/^openai-chat/, ['openai-chat']],
  [/^openai-responses/, ['openai-responses']],
  [/^openai-completions/, ['openai-completions']],
  [/^anthropic-messages/, ['anthropic', 'bedrock-invoke']],
  [/^gemini-(generateContent|streamGenerateContent)/, ['gemini']],
  [/^bedrock-converse/, ['bedrock-converse']],
  [/^bedrock-invoke/, ['bedrock-invoke']],
  [/^aws-eventstream-binary$/, ['bedrock-converse', 'bedrock-invoke']],
  [/^ollama-ndjson/, ['ollama']],
  [/^cohere-(chat|generate)/, ['cohere']],
  [/^embeddings/, ['embeddings']],
];

const rows = manifest()
  .map((row) => ({ ...row, expected: row.wire.split(';').map((w) => w.split('@')[0]!).flatMap((w) => WIRES.filter(([re]) => re.test(w)).map(([, ids]) => ids)) }))
  .filter((row) => row.expected.length > 0)
  .map((row) => ({ ...row, name: relative(CORPUS, row.path) }));

describe.skipIf(!hasCorpus)('every wire format of ../shared/corpus is reassembled under its provider id', () => {
  it('finds the files to check', () => {
    expect(rows.length).toBeGreaterThan(200);
  });

  it.for(rows)('$name', (row) => {
    const cassette = loadCassette(readFileSync(row.path), row.path);
    const exchanges = cassette.interactions.map((i) => analyzeInteraction(i));
    for (const ids of row.expected) {
      const mine = exchanges.filter((x) => x && ids.includes(x.provider));
      expect(mine.length, `no interaction read as ${ids.join(' or ')}`).toBeGreaterThan(0);
      const reassembled = mine.filter((x) => x?.response && (x.response.text || x.response.reasoning || x.response.toolCalls.length > 0 || x.response.error || x.response.embeddings));
      expect(reassembled.length, `no ${ids.join('/')} response with text, tool calls, embeddings or an error`).toBeGreaterThan(0);
    }
  });
});
