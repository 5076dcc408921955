#!/usr/bin/env node
// CommonJS (bin/package.json): a CommonJS entry starts without the ES module loader, whose
// asynchronous read of the entry also starts libuv's four pool threads: ~5% of a one-file run.
'use strict';
// `--version` is answered before anything else loads: start-up counts in pre-commit hooks and scripts.
const args = process.argv.slice(2);
/** The first argument of a pool worker (src/cli/pool.ts starts this file as one), and only of one. */
const POOL_WORKER = '--cassette-pool-worker';
let saveCodeCache;
/**
 * Input of a known total size (bytes) below this runs without TurboFan (see compileTier). Measured
 * (CPU and peak RSS, interleaved runs of bench files, 2 cores): at 20 MiB in all (`diff OLD NEW` on
 * two 10 MiB files, `show --json` on one 20 MiB file) no TurboFan was 5-13% less CPU and 6-9 MiB
 * less RSS; at 30 MiB the two were level within the noise; at 40 MiB TurboFan was ~10% faster.
 */
const NO_TURBOFAN_BELOW = 24 << 20;
/** Options that choose another renderer (or none: --raw), so other code to compile: see cacheNameFor. */
const RENDERERS = ['--json', '--csv', '--markdown', '--html', '--stat', '--raw'];

if (require.main !== module) {
  // Loaded by a test (test/cli/plain-stdio.test.ts, compile-tier.test.ts) for the functions below: run nothing.
  module.exports = { plainWriter, compileTier };
} else if (args[0] === POOL_WORKER && !require('node:worker_threads').isMainThread) {
  // A worker thread of src/cli/pool.ts: it loads the worker bundle with a code cache of its own, as
  // the main thread does the CLI's (a worker is a new V8 isolate: without one it would parse and
  // compile the bundle again). It gets the main thread's arguments after POOL_WORKER, so it knows
  // whether the young-generation flag is set (the main thread set it for the whole process).
  const worker = loadBundle('worker', args[1], 'worker', compileTier(inputBytes(args.slice(2))));
  // Written once the first file is done, so the cache holds the functions a file's work compiles.
  worker.firstFileDone.then(() => saveCodeCache?.());
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  plainStdio();
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // Interactions are read, shown and dropped one at a time, so nearly everything dies young: a
  // young generation that stays small (V8 doubles it by default) gives the same speed in about
  // 20 MB less memory on a large cassette (see npm run bench). Only the CLI sets this, never the
  // library, and only when the input may be large: loading node:v8 costs a one-file run ~5% of
  // its start-up. V8 flags are part of a code cache's key, so each setting has its own cache.
  // The same runs give a function 4x V8's default interrupt budget (bytecode run) before V8 will
  // optimize it: a run of a few seconds gains little from optimizing code that is only warm, and
  // those compiles kept a second core busy (the corpus: 180 optimized functions, 96 with this;
  // 10-20% less CPU on it and on 10 MiB files, the main thread's time unchanged; README, "Both cores").
  //
  // Input of a known size under NO_TURBOFAN_BELOW (named files, no folder, no standard input) is
  // read without TurboFan, V8's optimizing compiler: on a run of a second or so its compiles (on
  // another thread) cost more CPU than they save, and its code (pages of node's binary), zones and
  // malloc arenas add ~7 MB to the peak RSS, 0.7x a 10 MiB file (README, "Memory"). JSON too, since
  // its list split skips strings with a RegExp (src/source/json-list.ts; its byte loop ran 5x
  // slower without TurboFan): 10 MiB HAR and nock files 10-19% less CPU. Larger input keeps it.
  plainStdio();
  const tier = compileTier(inputBytes(args.slice(1)));
  if (tier !== '') require('node:v8').setFlagsFromString(`--semi-space-growth-factor=1 ${tier === 'mid' ? '--no-opt' : '--interrupt-budget=270336'}`);
  if (tier !== '') startEarlyWorkers(args);
  const { run } = loadBundle('run', args[0], cacheNameFor(args), tier);
  run(process.argv).then(() => saveCodeCache?.());
}

/**
 * How a run's code is compiled, from its input's size (`inputBytes`: bytes, or undefined when not
 * known before the walk: a folder, standard input): '' for named files all under 1 MiB (V8's
 * defaults), 'mid' for named files of 1 MiB or more that total under NO_TURBOFAN_BELOW (no TurboFan),
 * 'large' otherwise (TurboFan with a higher interrupt budget). It is also the code cache's suffix:
 * V8 flags are part of a cache's key.
 */
function compileTier(bytes) {
  if (bytes !== undefined && bytes.max < 1 << 20) return '';
  return bytes !== undefined && bytes.total < NO_TURBOFAN_BELOW ? 'mid' : 'large';
}

/**
 * The name of a run's code cache: its command, and the renderer option it names if any (`cost-json`).
 * A cache holds the code its first run compiled, and is written again only when V8 refuses it: a
 * `cost` run whose cache a `cost --json` run wrote compiled the table's code on every run (4 M
 * instructions, 2.5% of a one-file `cost`; `show` after `show --json`: 3 M).
 */
function cacheNameFor(args) {
  const command = args[0];
  if (!/^[a-z]{1,12}$/.test(command ?? '')) return command;
  const renderer = args.slice(1).find((arg) => RENDERERS.includes(arg));
  return renderer ? `${command}-${renderer.slice(2)}` : command;
}

/**
 * process.stdout and process.stderr, where they are not terminals (a file, a pipe, a socket,
 * /dev/null), become plain writers (plainWriter below): node's own stream objects load some twenty modules of its stream
 * machinery when first touched, ~10% of a one-file run's CPU (valgrind, `cost` on a one-interaction
 * cassette: 181 -> 162 M instructions). The output is the same: node writes files synchronously
 * and src/cli/terminal.ts makes pipe writes blocking, as writeSync is. Terminals (and any device
 * other than /dev/null) keep node's stream: colour, columns and isTTY come from it. Only the CLI's
 * main thread does this (a pool worker's stdio is the main thread's to carry), and not on Windows.
 */
function plainStdio() {
  if (process.platform === 'win32') return;
  const { fstatSync, statSync, writeSync } = require('node:fs');
  let nullDevice;
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    const own = Object.getOwnPropertyDescriptor(process, name);
    if (!own?.get || !own.configurable) continue;
    try {
      const stat = fstatSync(fd);
      if (stat.isCharacterDevice()) {
        nullDevice ??= statSync('/dev/null');
        if (stat.rdev !== nullDevice.rdev) continue; // a terminal
      } else if (!stat.isFile() && !stat.isFIFO() && !stat.isSocket()) continue;
    } catch {
      continue; // closed, or not to be looked at: node's stream says what is wrong when written
    }
    const writer = plainWriter(fd, () => own.get.call(process), writeSync);
    Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => writer });
  }
}

/**
 * A synchronous writer to file descriptor `fd` with the part of a writable stream's face the CLI and
 * node use on process.stdout: write(chunk[, encoding][, callback]) -> true, end(), events (an
 * EventEmitter: console, Readable.pipe from a worker thread's stdout, the 'error' listener of
 * src/cli/terminal.ts). It stays process.stdout for the whole run, so the output guard's wrapping
 * of write() holds. At the first failed write (EAGAIN: a pipe another process left non-blocking;
 * EPIPE: `| head` has closed it; anything else) node's own stream (`realStream()`) takes over from
 * the first byte not written, blocking as src/cli/terminal.ts makes it, and its errors are emitted
 * by this writer: the failure and all after it are handled as they were before this writer existed.
 * `writeSync` is fs.writeSync's buffer form (a test gives one that fails).
 */
function plainWriter(fd, realStream, writeSync) {
  const { EventEmitter } = require('node:events');
  const writer = new EventEmitter();
  let real;
  const takeOver = () => {
    if (!real) {
      real = realStream();
      real._handle?.setBlocking?.(true);
      real.on('error', (error) => writer.emit('error', error));
    }
    return real;
  };
  writer.fd = fd;
  writer.writable = true;
  writer.write = (chunk, encoding, callback) => {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (real) return real.write(chunk, encoding, callback);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk;
    let done = 0;
    try {
      while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done);
    } catch {
      return takeOver().write(bytes.subarray(done), callback);
    }
    if (callback) process.nextTick(callback, null);
    return true;
  };
  writer.end = (chunk, encoding, callback) => {
    if (typeof chunk === 'function') [chunk, callback] = [undefined, chunk];
    if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    if (chunk !== undefined && chunk !== null) writer.write(chunk, encoding);
    if (callback) process.nextTick(callback);
    return writer;
  };
  return writer;
}

/**
 * The largest and the total size in bytes of the files the arguments that are not options name,
 * or undefined when an argument is anything else (a directory, standard input, a git revision, an
 * option's value that is not a file), whose input may be of any size. Every file under 1 MiB: a
 * run whose memory the young generation's size does not change.
 */
function inputBytes(rest) {
  const { statSync } = require('node:fs');
  let max = 0;
  let total = 0;
  for (const arg of rest) {
    if (arg.startsWith('-') && arg !== '-') continue;
    let stat;
    try {
      stat = statSync(arg, { throwIfNoEntry: false });
    } catch {
      // unreadable: the command says why
    }
    if (!stat?.isFile()) return undefined;
    max = Math.max(max, stat.size);
    total += stat.size;
  }
  return { max, total };
}

/**
 * For `show`, `cost` and `lint` over a large folder, start the file pool's worker threads (one per other
 * core) now, before the CLI loads, so that their start-up (a V8 isolate, node, the worker bundle:
 * ~0.1 CPU-s and ~0.2 s of wall time each) overlaps the main thread's instead of following it.
 * src/cli/pool.ts takes them (globalThis[Symbol.for('cassette-cli.early-workers')]) and gives them
 * their work, or stops them when the run turns out to need no pool; unref'd, they never keep a run
 * alive. Not for `lint --fix` (it works in the main thread), standard input, or CASSETTE_WORKERS=0/1.
 */
function startEarlyWorkers(args) {
  if (!['show', 'cost', 'lint'].includes(args[0]) || args.includes('--fix') || args.includes('-')) return;
  const env = process.env.CASSETTE_WORKERS?.trim();
  if (env === '0' || env === '1') return;
  const folders = args.slice(1).filter((arg) => !arg.startsWith('-'));
  if (!looksLarge(folders)) return;
  const threads = env ? Number(env) : require('node:os').availableParallelism();
  if (!Number.isInteger(threads) || threads < 2) return;
  const { Worker } = require('node:worker_threads');
  const workers = [];
  for (let i = 1; i < Math.min(threads, 16); i++) {
    const worker = new Worker(__filename, { argv: [POOL_WORKER, ...args] });
    worker.unref();
    // One that fails before the pool takes it is simply not used.
    worker.on('error', () => {});
    workers.push(worker);
  }
  globalThis[Symbol.for('cassette-cli.early-workers')] = workers;
}

/**
 * Whether `paths` include folders holding at least 2 MiB of files with a cassette's name (the
 * pool's own test, in src/cli/pool.ts, is at least 2 MiB besides the largest file; this is a quick
 * look, up to 4000 entries, so that a small folder, where a worker would only cost start-up, starts none).
 */
function looksLarge(paths) {
  const { readdirSync, statSync } = require('node:fs');
  const { join } = require('node:path');
  // The bundle is not loaded yet: CASSETTE_FILE (src/cli/inputs.ts) and MIN_SPREAD_BYTES
  // (src/cli/pool.ts) written out again; test/cli/pool.test.ts checks they agree.
  const CASSETTE_NAME = /\.(ya?ml|json|har|httprr)(\.gz)?$/i;
  let bytes = 0;
  let entries = 4000;
  const walk = (dir) => {
    let list;
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false; // unreadable: the command says why
    }
    for (const entry of list) {
      if (--entries < 0) return false;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
        if (walk(path)) return true;
      } else if (entry.isFile() && CASSETTE_NAME.test(entry.name)) {
        bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
        if (bytes >= 2 << 20) return true;
      }
    }
    return false;
  };
  return paths.some((path) => {
    try {
      return statSync(path, { throwIfNoEntry: false })?.isDirectory() && walk(path);
    } catch {
      return false;
    }
  });
}

/**
 * A one-file CommonJS bundle of the CLI (scripts/bundle.mjs) in dist/bundle: `<kind>-<command>.cjs`
 * when the run names a command that has one (only that command's code: about half the bytes to
 * read and to take from the code cache), else `<kind>.cjs`, which holds every command. It is
 * compiled with a V8 code cache kept per command (and per V8 flag setting: `-large`, `-mid`) in
 * ~/.cache/cassette-cli (or $XDG_CACHE_HOME): after the first run of a command, V8 takes its
 * compiled code from the cache instead of parsing and compiling it again, as Node 22's module
 * compile cache does (Node 20 has none). A cache V8 refuses (another Node, another build) is
 * written again; a cache that cannot be read or written is simply not used.
 */
function loadBundle(kind, command, cacheName, flags) {
  const { readFileSync, statSync, mkdirSync, writeFileSync, renameSync, readdirSync, unlinkSync } = require('node:fs');
  const { Script } = require('node:vm');
  const { join, dirname } = require('node:path');
  let file;
  let stat;
  for (const name of /^[a-z]{1,20}$/.test(command ?? '') ? [`${kind}-${command}`, kind] : [kind]) {
    file = join(__dirname, `../dist/bundle/${name}.cjs`);
    try {
      stat = statSync(file);
      break;
    } catch {
      // not built: the next one
    }
  }
  if (!stat) {
    // A clone whose build has not run (or failed): say what to do, not a stack trace.
    process.stderr.write(`cassette: ${file} is missing: run \`npm run build\` (npm install runs it) first\n`);
    process.exit(2);
  }
  // os.homedir() is $HOME where that is set (libuv reads it first) except on Windows: loading node:os
  // only to read it again was ~2% of a one-file run.
  const home = (process.platform !== 'win32' && process.env.HOME) || require('node:os').homedir();
  const dir = join(process.env.XDG_CACHE_HOME || join(home, '.cache'), 'cassette-cli');
  const name = `${/^[a-z-]{1,20}$/.test(cacheName ?? '') ? cacheName : 'other'}${flags ? `-${flags}` : ''}`;
  // Named by node, install (a hash of the bundle's path), build (size and time) and command.
  const install = `${process.version}-${process.arch}-${pathHash(file)}-`;
  const build = `${install}${stat.size}-${Math.trunc(stat.mtimeMs)}-`;
  const cacheFile = join(dir, `${build}${name}.v8`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this command with this build
  }
  // The bundle is one function expression of CommonJS's arguments (scripts/bundle.mjs writes it so).
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const module = { exports: {} };
  // The bundle requires only node's built-in modules (scripts/bundle.mjs bundles every package), which
  // this file's own require loads as well as one made for the bundle's path (createRequire: ~1% of a run).
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    saveCodeCache = () => {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const temp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`; // threads share the pid
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // no cache this time
      }
      // A new cache file means a new build or a new command: the moment to drop what no run will read.
      pruneCodeCaches(dir, build, install, { readdirSync, statSync, unlinkSync });
    };
  }
  return module.exports;
}

/** FNV-1a of a path, as 8 hex digits: tells installs apart in a cache file's name without loading crypto. */
function pathHash(path) {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Remove the cache files of this install's older builds (same node, same bundle path, another size
 * or time: that bundle is gone) and any cache file not written for a month (a removed install,
 * another node version): a rebuild or an upgrade would otherwise leave ~0.5 MB per command behind
 * each time. Files of other live installs stay. Errors (a file another run removed first) are ignored.
 */
function pruneCodeCaches(dir, build, install, { readdirSync, statSync, unlinkSync }) {
  try {
    const now = Date.now();
    const MONTH_MS = 30 * 24 * 3600 * 1000;
    for (const entry of readdirSync(dir)) {
      if (!entry.endsWith('.v8') && !entry.endsWith('.tmp')) continue;
      const path = `${dir}/${entry}`;
      try {
        const stale = (entry.startsWith(install) && !entry.startsWith(build)) || now - statSync(path).mtimeMs > MONTH_MS;
        if (stale) unlinkSync(path);
      } catch {
        // gone already
      }
    }
  } catch {
    // no directory to read
  }
}
