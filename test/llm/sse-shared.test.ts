import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { loadCassette } from '../../src/load.js';
import { SAMPLES } from '../helpers/corpus.js';

// parseSse gives the same events for the same body twice in a row (lint's reassembly and sse-json
// share them): a reassembler that changes what it parsed must not change the next reading.
const files = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ya?ml|json|har)$/.test(f))
  .sort();

describe('a streamed body read twice in a row reassembles the same both times', () => {
  it.each(files)('%s', (f) => {
    let cassette;
    try {
      cassette = loadCassette(readFileSync(join(SAMPLES, f)), f);
    } catch {
      return;
    }
    for (const i of cassette.interactions) {
      // Two copies of the body, as two cassettes (diff OLD NEW) or two reads of one file give.
      const twin = { ...i, response: i.response && { ...i.response, body: { ...i.response.body, text: i.response.body.text === undefined ? undefined : `${i.response.body.text} `.slice(0, -1) } } };
      const first = JSON.stringify(analyzeInteraction(i, {}) ?? null);
      expect(JSON.stringify(analyzeInteraction(twin, {}) ?? null)).toBe(first);
      expect(JSON.stringify(analyzeInteraction(i, {}) ?? null)).toBe(first);
    }
  });
});
