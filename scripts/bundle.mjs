// Build step after tsc: the CLI's esbuild bundle (dist/bundle/), split per command so each loads
// only its own code. Packages stay external (node_modules), except @pydantic/genai-prices, which is
// replaced by the copy whose data is JSON (scripts/compact-prices.mjs): it loads ~20x faster.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCompactPrices } from './compact-prices.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'dist/vendor');
writeCompactPrices(vendor);
const prices = join(vendor, 'genai-prices.js');
// Chunk names carry content hashes: chunks of an earlier build would pile up.
rmSync(join(root, 'dist/bundle'), { recursive: true, force: true });

/** Everything from node_modules stays external, but genai-prices resolves to the compact copy. */
const packages = {
  name: 'packages',
  setup(b) {
    b.onResolve({ filter: /^@pydantic\/genai-prices$/ }, () => ({ path: prices }));
    b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
  },
};

await build({
  absWorkingDir: root,
  // The worker threads' entry (src/cli/pool.ts) shares the commands' chunks with run.js.
  entryPoints: ['dist/cli/run.js', 'dist/cli/worker.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  outdir: 'dist/bundle',
  plugins: [packages],
  logLevel: 'warning',
});
