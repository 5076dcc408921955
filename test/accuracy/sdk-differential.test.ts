import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { loadCassette } from '../../src/load.js';
import { CORPUS, hasCorpus, manifest, SAMPLES } from '../helpers/corpus.js';
import { EXPLAINED } from './sdk-explained.js';
import { ourView, sdkView, type View } from './sdk-reference.js';

/**
 * Differential test: our reassembly against the official SDKs' own accumulators (`openai`
 * ChatCompletionStream / ResponseStream, `@anthropic-ai/sdk` MessageStream) on every OpenAI chat,
 * Responses and Anthropic interaction with a 2xx response in ../shared/corpus (skipped when absent)
 * and samples/. Every disagreement must be one of the explained ones (sdk-explained.ts).
 */
const PROVIDERS = new Set(['openai-chat', 'openai-responses', 'anthropic']);

function sampleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sampleFiles(path) : [path];
  });
}

const corpusFiles = manifest()
  .filter((row) => /openai-chat|openai-responses|anthropic-messages/.test(row.wire))
  .map((row) => row.path);
const files = [...corpusFiles.map((p) => ({ path: p, name: `corpus/${relative(CORPUS, p)}` })), ...sampleFiles(SAMPLES).map((p) => ({ path: p, name: `samples/${relative(SAMPLES, p)}` }))];

interface Outcome {
  key: string;
  agree: boolean;
  ours: View;
  sdk: View;
}

function same(a: View, b: View): boolean {
  if (a.failed || b.failed) return a.failed === b.failed;
  return JSON.stringify({ ...a, error: undefined }) === JSON.stringify({ ...b, error: undefined });
}

async function compareAll(): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const file of files) {
    let cassette;
    try {
      cassette = loadCassette(readFileSync(file.path), file.path);
    } catch {
      continue; // not ours to judge here: formats tests cover unreadable files
    }
    for (const interaction of cassette.interactions) {
      const res = interaction.response;
      if (!res || res.status < 200 || res.status >= 300 || !res.body.text) continue;
      const x = analyzeInteraction(interaction);
      if (!x?.response || !PROVIDERS.has(x.provider)) continue;
      const ours = ourView(x.response);
      const sdk = await sdkView(x.provider, res.body.text, x.response.streamed, interaction.request.url);
      out.push({ key: `${file.name} #${interaction.index}`, agree: same(ours, sdk), ours, sdk });
    }
  }
  return out;
}

describe('reassembly agrees with the official SDK accumulators', () => {
  if (!hasCorpus) console.warn(`[cassette tests] ../shared/corpus not found: the SDK differential test runs on samples/ only`);

  it('on every OpenAI chat, Responses and Anthropic interaction, except the explained cases', async () => {
    const outcomes = await compareAll();
    const disagree = outcomes.filter((o) => !o.agree);
    const unexplained = disagree.filter((o) => !EXPLAINED.has(o.key));
    const stale = [...EXPLAINED.keys()].filter((k) => (hasCorpus || k.startsWith('samples/')) && !disagree.some((o) => o.key === k));
    console.log(`[sdk differential] ${outcomes.length} interactions (${outcomes.filter((o) => o.key.startsWith('corpus/')).length} from the corpus): ${outcomes.length - disagree.length} agree, ${disagree.length} explained disagreements`);
    for (const o of unexplained) console.log(`UNEXPLAINED ${o.key}\n  ours ${JSON.stringify(o.ours)}\n  sdk  ${JSON.stringify(o.sdk)}`);
    expect(outcomes.length).toBeGreaterThan(hasCorpus ? 200 : 20);
    expect(unexplained.map((o) => o.key)).toEqual([]);
    expect(stale).toEqual([]);
  }, 120_000);
});
