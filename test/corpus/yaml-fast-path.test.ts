import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/document.js';
import { parseSimpleYaml } from '../../src/source/simple-yaml.js';
import { splitYamlList } from '../../src/source/yaml-list.js';
import { loadYamlDocument } from '../../src/source/yaml-schema.js';
import { hasCorpus, manifest, SAMPLES } from '../helpers/corpus.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function yamlBytes(path: string): Buffer | undefined {
  let bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const head = bytes.toString('utf8', 0, 256).trimStart();
  return head.startsWith('{') || head.startsWith('[') || head.startsWith('httprr') ? undefined : bytes;
}

const files = [...manifest().map((row) => row.path), ...walk(SAMPLES)].filter((path) => yamlBytes(path));

// The item-by-item reader and the fast YAML subset are only an optimisation: on every real YAML
// cassette they must give exactly the document one js-yaml parse gives.
describe.skipIf(!hasCorpus)('YAML fast path over ../shared/corpus and samples', () => {
  it.each(files)('%s parses to the same document', (path) => {
    const bytes = yamlBytes(path)!;
    let expected: unknown;
    try {
      expected = loadYamlDocument(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      expect(() => parseSource(bytes)).toThrow();
      return;
    }
    expect(parseSource(bytes).data).toEqual(expected);
  });

  it('takes the fast path for most items of the recorder formats it was made for', () => {
    let fast = 0;
    let all = 0;
    for (const path of files) {
      const bytes = yamlBytes(path)!;
      for (const { start, end } of splitYamlList(bytes)?.items ?? []) {
        all++;
        if (parseSimpleYaml(bytes.toString('utf8', start, end))) fast++;
      }
    }
    console.log(`[yaml fast path] ${fast}/${all} list items read without js-yaml`);
    expect(fast / all).toBeGreaterThan(0.4);
  });
});
