import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { CORPUS, hasCorpus, manifest } from '../helpers/corpus.js';

interface ShowOut {
  cassettes: { path: string; format: string; interactions: { llm: { provider: string } | null }[] }[];
  errors: { path: string; message: string }[];
}

describe.skipIf(!hasCorpus)('show over ../shared/corpus', () => {
  it('runs over every file without a crash', () => {
    const r = cli(['show', '--json', CORPUS]);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const out = JSON.parse(r.stdout) as ShowOut;
    const internal = out.errors.filter((e) => e.message.includes('internal error'));
    expect(internal).toEqual([]);
    const warned = out.cassettes.length + out.errors.length;
    expect(warned).toBeGreaterThan(200);
  });

  it('loads every go-vcr file with its MANIFEST format and reassembles its LLM calls', () => {
    const rows = manifest().filter((m) => m.format.startsWith('go-vcr'));
    expect(rows.length).toBeGreaterThan(40);
    const r = cli(['show', '--json', ...rows.map((m) => m.path)]);
    const out = JSON.parse(r.stdout) as ShowOut;
    expect(out.errors).toEqual([]);
    for (const row of rows) {
      const c = out.cassettes.find((x) => x.path === row.path);
      expect(c?.format, row.path).toBe(row.format);
    }
    const chat = rows.filter((m) => /openai-chat/.test(m.wire));
    for (const row of chat) {
      const c = out.cassettes.find((x) => x.path === row.path)!;
      expect(c.interactions.some((i) => i.llm?.provider === 'openai-chat'), row.path).toBe(true);
    }
  });
});
