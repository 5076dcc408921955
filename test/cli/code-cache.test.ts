import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ShowWorkOptions } from '../../src/cli/commands/show.js';
import type { PoolReply } from '../../src/cli/pool.js';
import { sharedQueue } from '../../src/cli/pool-queue.js';
import type { WorkerStart } from '../../src/cli/worker.js';
import { limits } from '../../src/limits/limits.js';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';
import { tempTree } from '../helpers/temp-tree.js';

const BUNDLE = join(ROOT, 'dist/bundle/run.cjs');
const SAMPLE = 'samples/go-vcr-v2/openai-chat-stream-text.yaml';

// bin/cassette.js keeps one V8 code cache per command (and renderer option) in $XDG_CACHE_HOME/cassette-cli,
// named <node>-<arch>-<install hash>-<bundle size>-<bundle mtime>-<command>[-<renderer>].v8.
describe.skipIf(!existsSync(BUNDLE))('code cache of bin/cassette.js (skipped before npm run build)', () => {
  it('is written on the first run of a command, and the output is the same with it', () => {
    const home = tempTree('cassette-cache-', {});
    const env = { XDG_CACHE_HOME: home };
    const first = cli(['show', '--json', SAMPLE], { env });
    const files = readdirSync(join(home, 'cassette-cli'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${process.version}-${process.arch}-[0-9a-f]{8}-\\d+-\\d+-show-json\\.v8$`));
    const second = cli(['show', '--json', SAMPLE], { env });
    expect(second).toEqual(first);
    expect(first.status).toBe(0);
  });

  it('is kept per renderer option: `cost` and `cost --json` compile different code', () => {
    const home = tempTree('cassette-cache-', {});
    const env = { XDG_CACHE_HOME: home };
    for (const args of [['cost', '--json'], ['cost'], ['cost', '--json'], ['show', '--raw'], ['lint', '--fix-dry-run']]) expect(cli([...args, SAMPLE], { env }).status).toBeLessThan(2);
    const names = readdirSync(join(home, 'cassette-cli')).map((f) => /-\d+-\d+-([a-z-]+)\.v8$/.exec(f)?.[1]);
    expect(names.sort()).toEqual(['cost', 'cost-json', 'lint', 'show-raw']);
  });

  it("is kept per bundle: a command's run loads that command's own bundle, a run that names none the one with every command", () => {
    const home = tempTree('cassette-cache-', {});
    const env = { XDG_CACHE_HOME: home };
    /** The part of a cache file's name that names the bundle's build: `-<size>-<mtime>-`. */
    const build = (bundle: string) => {
      const stat = statSync(join(ROOT, 'dist/bundle', bundle));
      return `-${stat.size}-${Math.trunc(stat.mtimeMs)}-`;
    };
    const commands = ['show', 'cost', 'diff', 'lint', 'textconv'];
    for (const command of commands) expect(cli([command, SAMPLE], { env }).status).toBe(0);
    expect(cli(['help'], { env }).status).toBe(0);
    const files = readdirSync(join(home, 'cassette-cli'));
    expect(files).toHaveLength(commands.length + 1);
    for (const command of commands) expect(files.some((f) => f.endsWith(`${build(`run-${command}.cjs`)}${command}.v8`)), command).toBe(true);
    expect(files.some((f) => f.endsWith(`${build('run.cjs')}help.v8`))).toBe(true);
  });

  it('is kept apart for a run that may be large (V8 flags are part of its key): a directory', () => {
    const home = tempTree('cassette-cache-', {});
    const env = { XDG_CACHE_HOME: home };
    const first = cli(['show', '--json', 'samples/go-vcr-v2'], { env });
    expect(readdirSync(join(home, 'cassette-cli'))[0]).toMatch(/-show-json-large\.v8$/);
    expect(cli(['show', '--json', 'samples/go-vcr-v2'], { env })).toEqual(first);
  });

  it('is kept apart again for named files of 1 MiB or more that total under 16 MiB (run without TurboFan)', () => {
    const home = tempTree('cassette-cache-', {});
    const env = { XDG_CACHE_HOME: home };
    // The sample with a trailing comment that takes it over 1 MiB; the same file in a folder is a large run.
    const dir = tempTree('cassette-mid-', { 'big/one.yaml': `${readFileSync(join(ROOT, SAMPLE), 'utf8')}# ${'x'.repeat(1 << 20)}\n` });
    const named = cli(['show', '--json', join(dir, 'big/one.yaml')], { env });
    expect(named.status).toBe(0);
    expect(readdirSync(join(home, 'cassette-cli'))).toEqual([expect.stringMatching(/-show-json-mid\.v8$/)]);
    expect(cli(['show', '--json', join(dir, 'big/one.yaml')], { env })).toEqual(named);
    // The same file through its folder (a size not known before the walk): TurboFan, and the output is the same.
    const viaFolder = cli(['show', '--json', join(dir, 'big')], { env });
    expect(readdirSync(join(home, 'cassette-cli')).filter((f) => f.endsWith('-show-json-large.v8'))).toHaveLength(1);
    expect(viaFolder).toEqual(named);
  });

  it('is the mid one for a named JSON file of 1 MiB or more too (run without TurboFan, as YAML is)', () => {
    const home = tempTree('cassette-cache-', {});
    const env = { XDG_CACHE_HOME: home };
    const sample = readdirSync(join(ROOT, 'samples/nock')).find((f) => f.endsWith('.json'))!;
    const dir = tempTree('cassette-mid-', { 'one.json': `${readFileSync(join(ROOT, 'samples/nock', sample), 'utf8')}${' '.repeat(1 << 20)}\n` });
    expect(cli(['show', '--json', join(dir, 'one.json')], { env }).status).toBe(0);
    expect(readdirSync(join(home, 'cassette-cli'))).toEqual([expect.stringMatching(/-show-json-mid\.v8$/)]);
  });

  it("is also kept for the pool's worker threads, which start through bin/cassette.js", async () => {
    const home = tempTree('cassette-cache-', {});
    const env = { XDG_CACHE_HOME: home };
    // One worker started as src/cli/pool.ts starts one, alone on its queue, so it always gets a file:
    // in a real run the main thread works too and may take every file of a small folder before a
    // worker has loaded (the worker is then stopped, by design, and writes no cache).
    const worker = new Worker(join(ROOT, 'bin/cassette.js'), {
      argv: ['--cassette-pool-worker', 'show', '--json', 'samples'],
      env: { ...process.env, ...env },
    });
    const files = [{ path: join(ROOT, SAMPLE), arg: 0, explicit: true }];
    const options: ShowWorkOptions = {
      json: true, only: undefined, interaction: [], provider: undefined, format: undefined, mask: true,
      headers: false, full: false, raw: false, color: false, width: 80, fitColumns: undefined,
    };
    const exited = once(worker, 'exit');
    worker.postMessage({
      job: { name: 'show', options }, limits: limits(), queue: sharedQueue(files, [statSync(files[0]!.path).size], 2), named: 'error', thread: 1,
    } satisfies WorkerStart);
    const [reply] = (await once(worker, 'message')) as [PoolReply];
    expect(reply.index).toBe(0);
    expect(reply.text).toContain('"interactions"');
    // With the queue empty the worker ends by itself, after writing its cache.
    await exited;
    expect(readdirSync(join(home, 'cassette-cli')).filter((f) => f.endsWith('-worker-large.v8'))).toHaveLength(1);
    // A pooled run that starts its worker from that cache gives what a run without workers gives.
    const alone = cli(['show', '--json', 'samples'], { env: { ...env, CASSETTE_WORKERS: '1' } });
    expect(alone.status).toBe(0);
    expect(cli(['show', '--json', 'samples'], { env: { ...env, CASSETTE_WORKERS: '2' } })).toEqual(alone);
  });

  it("takes the workers' first argument in the main thread for what it is: an unknown option", () => {
    const r = cli(['--cassette-pool-worker', 'show', SAMPLE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--cassette-pool-worker'/);
  });

  it('holds a bundle of ASCII only, which node reads into a one-byte string (half the memory of a two-byte one)', () => {
    // esbuild escapes every other string; write non-ASCII in a regex or an html`` template as \u escapes.
    const names = readdirSync(join(ROOT, 'dist/bundle'));
    expect(names).toEqual(expect.arrayContaining(['run.cjs', 'worker.cjs', 'run-cost.cjs', 'worker-cost.cjs']));
    for (const name of names) {
      const text = readFileSync(join(ROOT, 'dist/bundle', name), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      expect(at === -1 ? '' : text.slice(Math.max(0, at - 60), at + 20), name).toBe('');
    }
  });

  it("holds in a command's bundle none of the other commands' modules (each is a stub that throws)", () => {
    const bundle = (name: string) => readFileSync(join(ROOT, 'dist/bundle', name), 'utf8');
    const commands = ['show', 'cost', 'diff', 'textconv', 'lint'];
    for (const command of commands) {
      const text = bundle(`run-${command}.cjs`);
      for (const other of commands.filter((c) => c !== command)) expect(text, command).toContain(`the ${other} command is not in the ${command} bundle`);
      expect(text).not.toContain(`the ${command} command is not in`);
      expect(text.length, command).toBeLessThan(bundle('run.cjs').length * 0.85);
    }
    // The pool's commands: show, cost, lint.
    expect(bundle('worker-cost.cjs')).toContain('the lint command is not in the cost bundle');
    expect(bundle('worker.cjs')).not.toContain('is not in the');
  });

  it("removes older builds' caches of the same install and month-old ones, keeps other installs'", () => {
    const home = tempTree('cassette-cache-', {});
    const env = { XDG_CACHE_HOME: home };
    cli(['show', '--json', SAMPLE], { env });
    const dir = join(home, 'cassette-cli');
    const [current] = readdirSync(dir);
    const install = current!.split('-').slice(0, 3).join('-');
    const olderBuild = `${install}-1234-5678-show.v8`;
    const otherInstall = `${process.version}-${process.arch}-00000000-1234-5678-show.v8`;
    const monthOld = `${process.version}-${process.arch}-11111111-1234-5678-lint.v8`;
    for (const name of [olderBuild, otherInstall, monthOld]) writeFileSync(join(dir, name), 'x');
    const old = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    utimesSync(join(dir, monthOld), old, old);
    // The same bundle with the other young-generation setting (a folder): a new cache file is written, and the stale ones go.
    expect(cli(['show', '--json', 'samples/go-vcr-v2'], { env }).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([current, otherInstall, current!.replace(/-show-json\.v8$/, '-show-json-large.v8')].sort());
  });
});
