import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { CORPUS, SAMPLES, hasCorpus } from '../helpers/corpus.js';
import { tempTree } from '../helpers/temp-tree.js';

// CASSETTE_WORKERS sets how many threads work on a batch (1: the main thread alone), whatever its
// size; the CLI's output must not depend on it.
const run = (threads: number, args: string[], cwd?: string) => cli(args, { env: { CASSETTE_WORKERS: String(threads) }, ...(cwd ? { cwd } : {}) });

const COMMANDS = [['show', '--json'], ['show', '--headers'], ['cost', '--json'], ['cost', '--by', 'model'], ['lint'], ['lint', '-f', 'json']].map((c) => [c.join(' '), c] as const);

describe('worker threads for many files', () => {
  it.each(COMMANDS)('%s gives the same bytes, stderr and exit code with 3 threads as with 1', (_, args) => {
    const alone = run(1, [...args, SAMPLES]);
    expect(alone.status === 0 || alone.status === 1).toBe(true);
    expect(alone.stdout.length).toBeGreaterThan(100);
    const pooled = run(3, [...args, SAMPLES]);
    expect(pooled.stdout).toBe(alone.stdout);
    expect(pooled.stderr).toBe(alone.stderr);
    expect(pooled.status).toBe(alone.status);
  });

  it('keeps the file order and reports a broken file in the middle without stopping the batch', () => {
    // A large file first: the other thread finishes the small ones long before it.
    const big = readFileSync(join(SAMPLES, 'go-vcr-v2/openai-chat-stream-text.yaml'), 'utf8');
    const interaction = big.slice(big.indexOf('    - id: 0'));
    const files: Record<string, string> = {
      'a-big.yaml': big + Array.from({ length: 100 }, (_, i) => interaction.replace('- id: 0', `- id: ${i + 1}`)).join(''),
      'm-broken.yaml': 'version: 2\ninteractions:\n  - request: [unclosed\n',
    };
    for (let i = 0; i < 10; i++) files[`f${String(i).padStart(2, '0')}.yaml`] = big;
    const dir = tempTree('cassette-pool-', files);
    const pooled = run(2, ['show', '--json', dir]);
    const alone = run(1, ['show', '--json', dir]);
    expect(pooled.stdout).toBe(alone.stdout);
    expect(pooled.stderr).toBe(alone.stderr);
    expect(pooled.status).toBe(2);
    const shown = (JSON.parse(pooled.stdout) as { cassettes: { path: string }[] }).cassettes.map((c) => relative(dir, c.path));
    expect(shown).toEqual(Object.keys(files).filter((f) => f !== 'm-broken.yaml').sort());
    expect(pooled.stderr).toMatch(/^error: .*m-broken\.yaml:\d+:\d+: /m);
    expect(hasStackTrace(pooled.stderr)).toBe(false);
    for (const args of [['cost'], ['lint']]) {
      const a = run(1, [...args, dir]);
      const p = run(2, [...args, dir]);
      expect([p.stdout, p.stderr, p.status]).toEqual([a.stdout, a.stderr, a.status]);
      expect(p.status).toBe(2);
    }
  });

  it('lint --fix stays in the main thread (a signal must remove its temp file) and writes the same files', () => {
    const text = readFileSync(join(SAMPLES, 'go-vcr-v2/openai-chat-stream-text.yaml'), 'utf8');
    const files: Record<string, string> = {};
    // Twelve cassettes in two folders, each with its own key to redact.
    for (let i = 0; i < 12; i++) files[`${i % 2 ? 'x' : 'y'}/c${String(i).padStart(2, '0')}.yaml`] = text.replace('Bearer sk-REDACTED', `Bearer sk-proj-Zq8vLm3TxR7pWk2YbN5cHs9dFgJ4aQ1eUo6iVy${String(i).padStart(2, '0')}`);
    const alone = tempTree('cassette-fix-alone-', files);
    const pooled = tempTree('cassette-fix-pooled-', files);
    const a = run(1, ['lint', '--fix', '.'], alone);
    const p = cli(['lint', '--fix', '.'], { cwd: pooled, env: { CASSETTE_WORKERS: '3', CASSETTE_DEBUG: '1' } });
    expect(p.stderr).not.toMatch(/ threads$/m);
    p.stderr = p.stderr.replace(/^cassette: .*\n/gm, '');
    expect([p.stdout, p.stderr, p.status]).toEqual([a.stdout, a.stderr, a.status]);
    const walk = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
    expect(walk(pooled)).toEqual(Object.keys(files).sort()); // no temp file left behind
    for (const f of Object.keys(files)) {
      const fixed = readFileSync(join(pooled, f), 'utf8');
      expect(fixed, f).toBe(readFileSync(join(alone, f), 'utf8'));
      expect(fixed).not.toBe(files[f]);
      expect(fixed).not.toContain('sk-proj-');
    }
  });

  it('uses the threads it is given (CASSETTE_DEBUG says how many)', () => {
    const r = cli(['show', '--json', SAMPLES], { env: { CASSETTE_WORKERS: '3', CASSETTE_DEBUG: '1' } });
    expect(r.stderr).toMatch(/^cassette: \d+ files over 3 threads$/m);
    // A small batch stays in the main thread unless told otherwise.
    expect(cli(['show', '--json', SAMPLES], { env: { CASSETTE_WORKERS: '', CASSETTE_DEBUG: '1' } }).stderr).not.toMatch(/ threads$/m);
  });

  it.skipIf(availableParallelism() < 2)('spreads a folder of a few MiB over the cores by default, with the same output as one thread', () => {
    // Six cassettes of ~0.5 MB (a multi-core machine only): above the pool's threshold (2 MiB besides the largest file).
    const text = readFileSync(join(SAMPLES, 'go-vcr-v2/openai-chat-stream-text.yaml'), 'utf8');
    const interaction = text.slice(text.indexOf('    - id: 0'));
    const files: Record<string, string> = {};
    for (let f = 0; f < 6; f++) files[`c${f}.yaml`] = text + Array.from({ length: 120 }, (_, i) => interaction.replace('- id: 0', `- id: ${i + 1}`)).join('');
    const dir = tempTree('cassette-pool-default-', files);
    for (const args of [['show', '--json'], ['cost', '--json'], ['lint']]) {
      const pooled = cli([...args, dir], { env: { CASSETTE_WORKERS: '', CASSETTE_DEBUG: '1' } });
      expect(pooled.stderr).toMatch(/^cassette: 6 files over \d+ threads$/m);
      const alone = run(1, [...args, dir]);
      expect([pooled.stdout, pooled.stderr.replace(/^cassette: .* threads\n/m, ''), pooled.status]).toEqual([alone.stdout, alone.stderr, alone.status]);
    }
  });

  it('refuses a CASSETTE_WORKERS that is not a number', () => {
    const r = cli(['show', SAMPLES], { env: { CASSETTE_WORKERS: 'lots' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cassette: CASSETTE_WORKERS must be a whole number/m);
  });

  it.skipIf(!hasCorpus)('gives the same lint report on the corpus with two threads (skipped without ../shared/corpus)', () => {
    const pooled = run(2, ['lint', '-f', 'json', CORPUS]);
    const alone = run(1, ['lint', '-f', 'json', CORPUS]);
    expect([pooled.stdout, pooled.stderr, pooled.status]).toEqual([alone.stdout, alone.stderr, alone.status]);
  });
});

describe("bin/cassette.js's early look at a folder", () => {
  it('uses the same cassette file names and the same 2 MiB as the pool (it runs before the bundle loads)', async () => {
    const { CASSETTE_FILE } = await import('../../src/cli/inputs.js');
    const { MIN_SPREAD_BYTES } = await import('../../src/cli/pool.js');
    const bin = readFileSync(join(SAMPLES, '../bin/cassette.js'), 'utf8');
    expect(/const CASSETTE_NAME = \/(.*)\/i;/.exec(bin)?.[1]).toBe(CASSETTE_FILE.source);
    expect(CASSETTE_FILE.flags).toBe('i');
    expect(/if \(bytes >= (\d+) << (\d+)\) return true;/.exec(bin)?.slice(1).map(Number).reduce((a, b) => a << b)).toBe(MIN_SPREAD_BYTES);
  });
});
