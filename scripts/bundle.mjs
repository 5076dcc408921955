// Build step after tsc: the CLI as CommonJS bundles, dist/bundle/run.cjs (bin/cassette.js runs
// it) and dist/bundle/worker.cjs (the worker threads of src/cli/pool.ts), each one file holding
// every package it uses, and the same per command (run-cost.cjs, worker-cost.cjs, ... below). Why:
// - one file, not a module graph: resolving, reading and linking dozens of ES modules (commander,
//   js-yaml, the commands' chunks) was a large part of a one-file run's start-up;
// - CommonJS, so bin/cassette.js can compile it with a V8 code cache (vm.Script cachedData; Node 20
//   has no module compile cache), which skips parsing and compiling on every run after the first;
// - commands stay lazy: esbuild turns the dynamic import() of each command into a function that
//   runs that command's modules only when it is called;
// - @pydantic/genai-prices resolves to the copy whose data is JSON (scripts/compact-prices.mjs).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCompactPrices } from './compact-prices.mjs';
import { COMMAND_NAMES } from '../dist/cli/run.js';
import { POOL_COMMANDS } from '../dist/cli/jobs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'dist/vendor');
await writeCompactPrices(vendor);
const prices = join(vendor, 'genai-prices.js');
rmSync(join(root, 'dist/bundle'), { recursive: true, force: true });

const compactPrices = {
  name: 'compact-prices',
  setup(b) {
    b.onResolve({ filter: /^@pydantic\/genai-prices$/ }, () => ({ path: prices }));
  },
};

/**
 * Node modules a run may never use, loaded on first use instead of when the bundle starts: commander
 * requires child_process (which brings net and dgram) for subcommands we do not have; zlib, crypto
 * and worker_threads serve gzip files, baselines and large batches; os counts the cores for a batch
 * of files and names git's temp folder (a one-file `cost`: 3 M instructions, ~2% of its run);
 * module's createRequire loads the `yaml` package only for lint's line numbers and --fix (node:module
 * brings node's ES module loader: 5 M instructions, ~3% of a one-file run).
 * Each export is a getter.
 */
const LAZY_BUILTINS = ['child_process', 'worker_threads', 'zlib', 'crypto', 'os', 'module'];

/**
 * `node:process` (commander and chalk import it) is the global `process`: compiling node's public
 * module for it costs a run ~0.5 M instructions.
 */
const globalProcess = {
  name: 'global-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?process$/ }, (args) => ({ path: args.path, namespace: 'global-process' }));
    b.onLoad({ filter: /.*/, namespace: 'global-process' }, () => ({ contents: 'module.exports = process;', loader: 'js' }));
  },
};
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      // module.exports is an empty object whose prototype answers every property from the real
      // module: esbuild's __toESM copies a CommonJS module's own properties (none here) and gives its
      // copy the same prototype. A getter per export, as before, cost a one-file run ~1 M
      // instructions (zlib, crypto and os have 30 to 100 exports, each defined twice). __esModule is
      // asked when the module is first imported: answered without loading it (node's modules have none).
      const contents = [
        'let real;',
        `const load = () => (real ??= require('node:${args.path}'));`,
        "module.exports = Object.create(new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : load()[key]) }));",
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Packages whose loading costs start-up and that a run may not call: string-width builds an
 * Intl.Segmenter and emoji regular expressions when it loads, though the table layout measures
 * ASCII and its own glyphs without it. Our code's import resolves to a shim whose default export
 * loads the package (bundled, run once) on its first call.
 */
const LAZY_PACKAGES = ['string-width'];
// A CommonJS module without __esModule: an `import x from` gets module.exports itself.
const lazyPackages = lazyPlugin('lazy-package', LAZY_PACKAGES, (path) => `let real;\nmodule.exports = (...a) => (real ??= require(${JSON.stringify(path)}).default)(...a);`);

/**
 * Packages our code reaches through properties of their namespace (`jsYaml.load`), loaded on the
 * first such read instead of when the bundle starts: js-yaml builds all its types and schemas when
 * it loads, though a one-file run whose YAML the fast reader reads (src/source/simple-yaml.ts) never
 * calls it. Our code's import resolves to an object whose prototype answers every property from the
 * package (bundled: its CommonJS build, the same code), as LAZY_BUILTINS do.
 */
const LAZY_NAMESPACES = ['js-yaml'];
const lazyNamespaces = lazyPlugin('lazy-namespace', LAZY_NAMESPACES, (path) =>
  [
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(path)}));`,
    "module.exports = Object.create(new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : load()[key]) }));",
  ].join('\n'),
);

/**
 * An esbuild plugin that resolves our compiled code's (dist/) imports of `packages` to a module of
 * its own, in `namespace`, whose text `contentsFor(package)` writes (it loads the real package, by
 * its own require, when first used); the package's own imports resolve as usual.
 */
function lazyPlugin(namespace, packages, contentsFor) {
  return {
    name: namespace,
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${packages.join('|')})$`) }, (args) =>
        args.namespace === namespace || !args.importer.includes('/dist/') ? undefined : { path: args.path, namespace },
      );
      b.onLoad({ filter: /.*/, namespace }, (args) => ({ contents: contentsFor(args.path), loader: 'js', resolveDir: root }));
    },
  };
}

/**
 * src/cli/version.ts reads package.json at run time (right for dist/, which a library user may load
 * from anywhere); in the bundle the version is written in at build time instead, which spares
 * every run a createRequire, a module resolution and a file read.
 */
const inlineVersion = {
  name: 'inline-version',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]version\.js$/ }, () => ({
      contents: `export const VERSION = ${JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version)};`,
      loader: 'js',
    }));
  },
};

/**
 * Per-command bundles: dist/bundle/run-<command>.cjs and, for the commands the file pool runs,
 * worker-<command>.cjs hold only that command's code. A run names its command first
 * (`cassette cost x.yaml`), bin/cassette.js loads that command's bundle, and src/cli/run.ts
 * defines only that command; so `cost` does not read, nor load from its code cache, the code of
 * diff, lint or the HTML page: about half the bundle (a one-file run's start-up is mostly reading
 * and deserializing code). run.cjs and worker.cjs keep every command, for everything else (help,
 * an option before the command, a mistyped command). In a command's bundle, src/cli/run.ts's and
 * src/cli/jobs.ts's imports of the other commands' modules become a module that throws when
 * loaded, which only a bug would do.
 */
const onlyCommand = (command) => ({
  name: 'only-command',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => {
      const name = /([a-z-]+)\.js$/.exec(args.path)[1];
      if (!/[\\/]dist[\\/]cli[\\/](run|jobs)\.js$/.test(args.importer) || name === command || !COMMAND_NAMES.includes(name)) return undefined;
      return { path: name, namespace: 'other-command' };
    });
    b.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`the ${args.path} command is not in the ${command} bundle (scripts/bundle.mjs)`)});`,
      loader: 'js',
    }));
  },
});

/** What each bundle file starts and ends with: bin/cassette.js compiles the file as it is and calls what it gives. */
const FUNCTION_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const FUNCTION_TAIL = '\n})';

const bundles = [
  { entry: 'run', out: 'run' },
  { entry: 'worker', out: 'worker' },
  ...COMMAND_NAMES.map((command) => ({ entry: 'run', out: `run-${command}`, command })),
  ...POOL_COMMANDS.map((command) => ({ entry: 'worker', out: `worker-${command}`, command })),
];
await Promise.all(
  bundles.map(({ entry, out, command }) =>
    build({
      absWorkingDir: root,
      entryPoints: [`dist/cli/${entry}.js`],
      outfile: `dist/bundle/${out}.cjs`,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // Less to read, hash and compile.
      minify: !process.env.NO_MINIFY,
      plugins: [compactPrices, lazyBuiltins, globalProcess, lazyPackages, lazyNamespaces, inlineVersion, ...(command ? [onlyCommand(command)] : [])],
      // The sources find package.json, the price data and the worker relative to themselves; the
      // bundle sits in dist/bundle/, two levels below the package as dist/cli/ is.
      // made when first read: a one-file show, diff or lint never reads it (pathToFileURL and a URL's href).
      define: { 'import.meta.url': '__cassetteModule.url' },
      // The file is one function expression, which bin/cassette.js compiles as it is and calls with
      // CommonJS's arguments: wrapping the text there would make V8 copy the whole source (a
      // second 0.3 MB string, ~60 page faults) before it can even look up the code cache.
      banner: { js: `${FUNCTION_HEAD}var __cassetteModuleUrl, __cassetteModule = { get url() { return (__cassetteModuleUrl ??= require('node:url').pathToFileURL(__filename).href); } };` },
      footer: { js: FUNCTION_TAIL },
      logLevel: 'warning',
    }),
  ),
);
