#!/usr/bin/env node
// npm run fuzz [-- --runs 100000 --seed 1 --cli 500 --budget 5000]
// Mutated samples and structure-aware cassettes through every command: in-process for most runs
// (the built CLI's run(), output captured), and --cli N of them through a spawned bin. Prints the
// count per verdict; a bad verdict's input is minimized and saved under test/fuzz-regressions/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { BAD, COMMANDS, inputs, minimize, runOne, saveRegression, seedFiles } from './fuzz-engine.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 2000);
const seed = arg('seed', Date.now() % 1e9);
const cliRuns = arg('cli', Math.min(200, runs / 100));
const budgetMs = arg('budget', 5000);

const { runCaptured } = await import(join(root, 'dist/cli/capture.js'));
const bin = join(root, 'bin/cassette.js');
const spawned = async (argv) => {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: budgetMs * 4, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? (r.signal ? 128 : 255), stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};

const seeds = seedFiles(root);
const dir = mkdtempSync(join(tmpdir(), 'cassette-fuzz-'));
const counts = {};
const byCommand = {};
const saved = [];
const started = Date.now();
let slowest = 0;
const cliEvery = cliRuns > 0 ? Math.max(1, Math.floor(runs / cliRuns)) : Infinity;
const BATCH = 500;
try {
  for (let done = 0; done < runs; ) {
    const batch = fc.sample(inputs(seeds), { numRuns: Math.min(BATCH, runs - done), seed: seed + done });
    for (const input of batch) {
      const argv = COMMANDS[done % COMMANDS.length];
      const viaCli = done % cliEvery === 0;
      const { verdict, ms, r } = await runOne(viaCli ? spawned : runCaptured, dir, input, argv, budgetMs);
      slowest = Math.max(slowest, ms);
      const key = `${verdict}${viaCli ? ' (cli)' : ''}`;
      counts[key] = (counts[key] ?? 0) + 1;
      byCommand[argv.join(' ')] ??= {};
      byCommand[argv.join(' ')][verdict] = (byCommand[argv.join(' ')][verdict] ?? 0) + 1;
      if (BAD.includes(verdict)) {
        const small = await minimize(viaCli ? spawned : runCaptured, dir, input, argv, verdict, budgetMs);
        const name = saveRegression(root, small, argv, verdict);
        saved.push(name);
        console.error(`${verdict}: ${argv.join(' ')} (from ${input.from}) -> test/fuzz-regressions/${name}\n  ${(r.stderr || r.stdout).split('\n').slice(0, 3).join('\n  ')}`);
      }
      done++;
      if (done % 1000 === 0) console.error(`${done}/${runs} ${Math.round((Date.now() - started) / 1000)}s rss ${Math.round(process.resourceUsage().maxRSS / 1024)}MB ${JSON.stringify(counts)}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const summary = { runs, seed, seeds: seeds.length, commands: COMMANDS.length, seconds: Math.round((Date.now() - started) / 1000), slowestMs: Math.round(slowest), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), counts, saved };
console.log(JSON.stringify(summary, null, 2));
if (process.argv.includes('--by-command')) console.log(JSON.stringify(byCommand, null, 2));
process.exitCode = saved.length > 0 ? 1 : 0;
