import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../src/cli/capture.js';
import { ROOT } from '../helpers/corpus.js';
// @ts-expect-error: plain ESM shared with scripts/fuzz.mjs, no types
import { BAD, COMMANDS, inputs, runOne, seedFiles } from '../../scripts/fuzz-engine.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cassette-fuzz-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
type Verdict = { verdict: string; r: { stdout: string; stderr: string } };

describe('fuzz smoke (a fixed seed; npm run fuzz runs many more)', () => {
  it('200 mutated and generated inputs through every command: only ok and clear errors', async () => {
    const seeds = seedFiles(ROOT);
    const sample = fc.sample(inputs(seeds), { numRuns: 200, seed: 15 }) as { bytes: Buffer; ext: string; from: string }[];
    const bad: string[] = [];
    for (const [i, input] of sample.entries()) {
      const argv = COMMANDS[i % COMMANDS.length] as string[];
      const { verdict, r } = (await runOne(runCaptured, dir, input, argv, 30_000)) as Verdict;
      if ((BAD as string[]).includes(verdict)) bad.push(`${verdict}: ${argv.join(' ')} from ${input.from}: ${(r.stderr || r.stdout).slice(0, 200)}`);
    }
    expect(bad).toEqual([]);
  }, 180_000);
});

describe('fuzz regressions (test/fuzz-regressions/: inputs the fuzzer once broke, minimized)', () => {
  const regressions = join(ROOT, 'test/fuzz-regressions');
  // Each input file has its run beside it as `<name>.json` ({ argv, verdict, from }).
  const files = existsSync(regressions) ? readdirSync(regressions).filter((f) => existsSync(join(regressions, `${f}.json`))) : [];
  it.skipIf(files.length === 0).each(files.length ? files : ['(none)'])('%s', async (name) => {
    const meta = JSON.parse(readFileSync(join(regressions, `${name}.json`), 'utf8')) as { argv: string[] };
    const bytes = readFileSync(join(regressions, name));
    const ext = /\.(ya?ml|json|har|httprr)(\.gz)?$/i.exec(name)?.[0] ?? '.yaml';
    const { verdict } = (await runOne(runCaptured, dir, { bytes, ext, from: name }, meta.argv, 30_000)) as Verdict;
    expect(['ok', 'clear error']).toContain(verdict);
  });
});
