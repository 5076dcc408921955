#!/usr/bin/env node
// `--version` is answered before anything else loads: start-up counts in pre-commit hooks and scripts.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { createRequire } = await import('node:module');
  process.stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`);
} else {
  // Interactions are read, shown and dropped one at a time, so nearly everything dies young: a
  // young generation that stays small (V8 doubles it by default) gives the same speed in about
  // 20 MB less memory on a large cassette (see npm run bench). Only the CLI sets this, never the library.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--semi-space-growth-factor=1');
  const { run } = await loadBundle(new URL('../dist/bundle/run.cjs', import.meta.url), args[0]);
  await run(process.argv);
  saveCodeCache?.();
}

var saveCodeCache;

/**
 * The CLI's one-file CommonJS bundle (scripts/bundle.mjs), compiled with a V8 code cache kept per
 * command in ~/.cache/cassette-cli (or $XDG_CACHE_HOME): after the first run of a command, V8 takes
 * its compiled code from the cache instead of parsing and compiling it again, as Node 22's module
 * compile cache does (Node 20 has none). A cache V8 refuses (another Node, another build) is
 * written again; a cache that cannot be read or written is simply not used.
 */
async function loadBundle(url, command) {
  const [{ readFileSync, statSync, mkdirSync, writeFileSync, renameSync }, { Script }, { createRequire }, { fileURLToPath }, { homedir }, { join, dirname }] = await Promise.all(
    ['node:fs', 'node:vm', 'node:module', 'node:url', 'node:os', 'node:path'].map((m) => import(m)),
  );
  const file = fileURLToPath(url);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    // A clone whose build has not run (or failed): say what to do, not a stack trace.
    process.stderr.write(`cassette: ${file} is missing: run \`npm run build\` (npm install runs it) first\n`);
    process.exit(2);
  }
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cassette-cli');
  const name = /^[a-z-]{1,20}$/.test(command ?? '') ? command : 'other';
  const cacheFile = join(dir, `${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${name}.v8`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this command with this build
  }
  const source = readFileSync(file, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    saveCodeCache = () => {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // no cache this time
      }
    };
  }
  return module.exports;
}
