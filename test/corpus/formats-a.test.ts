import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/load.js';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { CORPUS, hasCorpus, manifest } from '../helpers/corpus.js';

// The VCR family: VCR.py (and its pydantic-ai and langchain variants), Ruby VCR, rOpenSci vcr, Betamax.
const FAMILY = ['vcrpy', 'ruby-vcr', 'r-vcr', 'betamax'] as const;

const rows = manifest()
  .map((row) => ({ ...row, name: relative(CORPUS, row.path), family: row.format.split(':')[0]! }))
  .filter((row) => (FAMILY as readonly string[]).includes(row.family));

interface ShowJson {
  cassettes: { path: string; format: string; interactionCount: number; warnings: unknown[]; interactions: { response: { status: number } | null }[] }[];
  errors: { path: string; message: string }[];
}

describe.skipIf(!hasCorpus)('VCR-family cassettes of ../shared/corpus', () => {
  it('has files of the family', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it.for(rows)('$name loads as $format', (row) => {
    const c = loadCassette(readFileSync(row.path), row.path);
    expect(c.format).toBe(row.family);
    expect(c.warnings).toEqual([]);
    expect(c.interactions.length).toBeGreaterThan(0);
    for (const i of c.interactions) {
      // Some recorders wrote placeholder hosts such as `<GPUSTACK_API_BASE>/chat/completions`.
      expect(i.request.url).toMatch(/^(https?:\/\/|<[A-Z_]+>)/);
      expect(i.response?.status).toBeGreaterThanOrEqual(100);
      expect(i.fieldPaths['request.url']).toBeDefined();
      expect(c.locate(i.fieldPaths['request.url']!)?.line).toBeGreaterThan(0);
      if (row.family !== 'vcrpy') expect(i.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    }
  });

  // One `show --json` per format over all of its files, as a user would run it on a directory.
  it.for(FAMILY.filter((f) => rows.some((r) => r.family === f)))('show --json reads every %s file without errors', (family) => {
    const files = rows.filter((r) => r.family === family).map((r) => r.path);
    const result = cli(['show', '--json', ...files]);
    expect(hasStackTrace(result.stderr)).toBe(false);
    const report = JSON.parse(result.stdout) as ShowJson;
    expect(report.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(report.cassettes.map((c) => c.path).sort()).toEqual([...files].sort());
    expect(new Set(report.cassettes.map((c) => c.format))).toEqual(new Set([family]));
    expect(report.cassettes.every((c) => c.interactionCount === c.interactions.length && c.interactionCount > 0)).toBe(true);
  });
});
