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
  // The CLI runs from one esbuild bundle, split per command: resolving and loading a hundred small
  // modules cost more start-up than the code in them.
  const { run } = await import('../dist/bundle/run.js');
  await run(process.argv);
}
