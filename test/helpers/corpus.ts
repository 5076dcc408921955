import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const SAMPLES = join(ROOT, 'samples');
/** Real cassettes recorded by other projects; present on developer machines and CI, absent in a bare clone. */
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const SEED = resolve(ROOT, '../shared/seed/openrouter-kimi-k2-weather-tool.yaml');
export const hasCorpus = existsSync(join(CORPUS, 'MANIFEST.tsv'));
export const hasSeed = existsSync(SEED);

if (!hasCorpus) console.warn(`[cassette tests] ../shared/corpus not found at ${CORPUS}: corpus tests are skipped`);
if (!hasSeed) console.warn(`[cassette tests] ../shared/seed not found: seed tests are skipped`);

export interface ManifestRow {
  path: string;
  format: string;
  wire: string;
  repo: string;
}

/** MANIFEST.tsv rows: local_path, format, provider_wire_format(s), source_repo, ... */
export function manifest(): ManifestRow[] {
  if (!hasCorpus) return [];
  const [, ...rows] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  return rows.map((line) => {
    const [path = '', format = '', wire = '', repo = ''] = line.split('\t');
    return { path: join(CORPUS, path), format, wire, repo };
  });
}
