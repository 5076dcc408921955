import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import type { ProviderId } from '../../src/llm/types.js';
import { loadCassette } from '../../src/load.js';
import { CORPUS, hasCorpus, manifest } from '../helpers/corpus.js';

/** MANIFEST wire formats read by the providers of docs/providers-b.md, and the ids that may claim them. */
const WIRES: [RegExp, ProviderId[]][] = [
  [/^anthropic-messages/, ['anthropic', 'bedrock-invoke']],
  [/^bedrock-converse/, ['bedrock-converse']],
  [/^bedrock-invoke/, ['bedrock-invoke']],
  [/^aws-eventstream-binary$/, ['bedrock-converse', 'bedrock-invoke']],
  [/^ollama-ndjson/, ['ollama']],
];

const rows = manifest()
  .map((row) => ({ ...row, expected: row.wire.split(';').map((w) => w.split('@')[0]!).flatMap((w) => WIRES.filter(([re]) => re.test(w)).map(([, ids]) => ids)) }))
  .filter((row) => row.expected.length > 0)
  .map((row) => ({ ...row, name: relative(CORPUS, row.path) }));

describe.skipIf(!hasCorpus)('anthropic, bedrock and ollama over ../shared/corpus', () => {
  it('finds the files to check', () => {
    expect(rows.length).toBeGreaterThan(50);
  });

  it.for(rows)('$name', (row, ctx) => {
    let cassette;
    try {
      cassette = loadCassette(readFileSync(row.path), row.path);
    } catch (error) {
      // Formats the loader does not read yet are another task's; check them once it does.
      if (error instanceof Error && error.message.includes('not a recognised cassette')) ctx.skip();
      throw error;
    }
    const exchanges = cassette.interactions.map((i) => analyzeInteraction(i));
    for (const ids of row.expected) {
      const mine = exchanges.filter((x) => x && ids.includes(x.provider));
      expect(mine.length, `no interaction read as ${ids.join(' or ')}`).toBeGreaterThan(0);
      const reassembled = mine.filter((x) => x?.response && (x.response.text || x.response.reasoning || x.response.toolCalls.length > 0 || x.response.error));
      expect(reassembled.length, `no ${ids.join('/')} response with text, tool calls or an error`).toBeGreaterThan(0);
    }
  });
});
