import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus.js';
import { tempTree } from '../helpers/temp-tree.js';

// A one-file run loads only the node built-ins it uses: each one a run requires is compiled from
// node's own sources (node:module brings node's ES module loader, ~3% of a one-file run). The
// bundle (scripts/bundle.mjs) defers the ones below to their first use, or, for node:process, uses
// the global. A preload records the modules node loaded when the run ends.
const BIN = join(ROOT, 'bin/cassette.js');
const SAMPLE = join(ROOT, 'samples/go-vcr-v2/openai-chat-stream-text.yaml');
const NOT_LOADED = ['module', 'process', 'child_process', 'worker_threads', 'zlib', 'crypto', 'os', 'v8', 'tty', 'net', 'stream'];

function loadedBuiltins(args: string[]): string[] {
  const dir = tempTree('cassette-startup-modules-', {
    'record.cjs': "process.on('exit', () => require('node:fs').writeFileSync(process.env.CASSETTE_TEST_MODULES, process.moduleLoadList.join('\\n')));",
  });
  const out = join(dir, 'modules.txt');
  const run = spawnSync(process.execPath, ['--require', join(dir, 'record.cjs'), BIN, ...args], {
    env: { ...process.env, CASSETTE_TEST_MODULES: out, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBeLessThan(2);
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('NativeModule '))
    .map((line) => line.slice('NativeModule '.length));
}

describe('start-up: built-in modules a one-file run loads', () => {
  for (const args of [['show'], ['show', '--json'], ['cost'], ['cost', '--json'], ['diff'], ['lint']]) {
    it(`${args.join(' ')} loads none of ${NOT_LOADED.join(', ')}`, () => {
      const loaded = loadedBuiltins([...args, SAMPLE]);
      expect(loaded).toContain('vm'); // the code cache: the list is the run's own
      expect(loaded.filter((name) => NOT_LOADED.includes(name))).toEqual([]);
    });
  }
});
