#!/usr/bin/env node
// `--version` is answered before anything else loads: start-up counts in pre-commit hooks and scripts.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { createRequire } = await import('node:module');
  process.stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`);
} else {
  const { run } = await import('../dist/cli/run.js');
  await run(process.argv);
}
