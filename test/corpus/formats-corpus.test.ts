import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/load.js';
import { NotHttpError } from '../../src/model/errors.js';
import { CORPUS, hasCorpus, manifest } from '../helpers/corpus.js';

const rows = manifest().map((row) => ({ ...row, name: relative(CORPUS, row.path), family: row.format.split(':')[0]! }));

describe.skipIf(!hasCorpus)('every recorder format of ../shared/corpus', () => {
  it('finds every format', () => {
    expect(new Set(rows.map((r) => r.family))).toEqual(new Set(['go-vcr-v1', 'go-vcr-v2', 'httprr', 'nock', 'other', 'polly', 'r-vcr', 'ruby-vcr', 'vcrpy']));
  });

  it.for(rows.filter((r) => r.family !== 'other'))('$name loads as $family', (row) => {
    const cassette = loadCassette(readFileSync(row.path), row.path);
    expect(cassette.format).toBe(row.family);
  });

  // pydantic-ai keeps websocket and gRPC sessions in VCR-like YAML; some of its realtime files are plain HTTP.
  it.for(rows.filter((r) => r.family === 'other'))('$name is named as not HTTP, or loads as HTTP', (row) => {
    try {
      const cassette = loadCassette(readFileSync(row.path), row.path);
      expect(cassette.interactions.every((i) => /^https?:\/\//.test(i.request.url))).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(NotHttpError);
      expect((error as Error).message).toMatch(/^not an HTTP cassette \((websocket frames|gRPC messages)\)$/);
    }
  });
});
