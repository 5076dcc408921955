import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';

// The handed lint cases (../shared/cases/lint, see its README); precision.test.ts keeps each kind tested without them.
const CASES = resolve(ROOT, '../shared/cases/lint');
const hasCases = existsSync(join(CASES, 'README.md'));
if (!hasCases) console.warn(`[cassette tests] ../shared/cases/lint not found at ${CASES}: the handed lint cases are skipped`);

interface EslintResult {
  messages: { ruleId: string | null; severity: number; message: string; interaction: number | null }[];
}

const lintJson = (file: string, ...flags: string[]) => {
  const r = cli(['lint', '-f', 'json', ...flags, join(CASES, file)]);
  return { status: r.status, results: JSON.parse(r.stdout) as EslintResult[] };
};

describe.skipIf(!hasCases)('../shared/cases/lint', () => {
  it('infra-cookies.yaml: Cloudflare __cf_bm / _cfuvid Set-Cookie headers are no error finding', () => {
    const { status, results } = lintJson('infra-cookies.yaml');
    expect(results[0]!.messages.filter((m) => m.severity === 2)).toEqual([]);
    expect(results[0]!.messages.map((m) => m.ruleId)).not.toContain('secret-header');
    expect(status).toBe(0);
  });

  it('request-session-cookie.yaml: a request Cookie with a session token is still a secret-header error', () => {
    const { status, results } = lintJson('request-session-cookie.yaml');
    expect(results[0]!.messages).toContainEqual(expect.objectContaining({ ruleId: 'secret-header', severity: 2, interaction: 0 }));
    expect(status).toBe(1);
  });

  it('request-content-length-zero.yaml: request content_length 0 with a body is no content-length finding', () => {
    const { status, results } = lintJson('request-content-length-zero.yaml');
    expect(results[0]!.messages.map((m) => m.ruleId)).not.toContain('content-length');
    expect(status).toBe(0);
  });

  it('planted-key.yaml: lint finds the key, and no formatter prints it whole', () => {
    const key = readFileSync(join(CASES, 'planted-key.key'), 'utf8').trim();
    const { status, results } = lintJson('planted-key.yaml');
    expect(results[0]!.messages).toContainEqual(expect.objectContaining({ ruleId: 'secret-header', severity: 2, interaction: 0 }));
    expect(status).toBe(1);
    for (const formatter of ['stylish', 'json', 'sarif', 'github', 'compact']) {
      const r = cli(['lint', '-f', formatter, join(CASES, 'planted-key.yaml')]);
      expect(r.status, formatter).toBe(1);
      expect(r.stdout + r.stderr, formatter).not.toContain(key);
      expect(r.stdout + r.stderr, formatter).toContain(key.slice(0, 4));
    }
  });
});
