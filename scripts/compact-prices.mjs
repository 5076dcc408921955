// Build step: a copy of @pydantic/genai-prices' ESM build whose price data is read from a JSON file.
//
// Why: the package keeps ~500 KB of provider and model data as one JavaScript object literal, and
// V8 has to parse and run all of it when the module loads: about 150 ms of a `cassette cost` run.
// Here the data goes to dist/vendor/genai-prices.json, read with JSON.parse (much faster than
// V8's JavaScript parser on literal data), each provider's model list in a file of its own
// (dist/vendor/genai-prices-models/<n>.json) read only when the package first reads it, the
// providers' usage extractors (three quarters of the rest, which only extractUsage and updatePrices
// read, never a price lookup) likewise in dist/vendor/genai-prices-extractors.json, and without
// the documentation fields (descriptions, pricing URLs, comments,
// context windows) that no code in the package names. The code is the package's own; only its two
// localeCompare sorts of unit names become a code-unit comparison, after checking on the data that
// both order every pair alike, and its unit registry works out a unit's ancestors when first asked
// (ancestorSets below). test/cost/compact-prices.test.ts prices every model of every
// provider with both modules and expects the same numbers.
//
// The literals are found with TypeScript's parser (a build dependency anyway), not by their
// minified names: any top-level `const` whose initializer is a large array or object literal.
// Anything unexpected (no such literal, a value JSON cannot hold) stops the build with a message.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import ts from 'typescript';

/** Keys of the data that only document it. One is dropped only when the package's code never names it. */
const DOC_KEYS = ['description', 'pricing_urls', 'price_comments', 'context_window'];
const LARGE = 4096;
const DATA = '__genaiPricesData';
const DATA_FILE = 'genai-prices.json';
/** One file per provider, named by its place in the provider list: its model list. */
const MODELS_DIR = 'genai-prices-models';
/** Every provider's `extractors` (or null: it has none), by its place in the provider list. */
const EXTRACTORS_FILE = 'genai-prices-extractors.json';
/** Keys of the data file beside the package's literals: each unit's ancestors, each api_pattern's literal head. */
const ANCESTORS = '__ancestors';
const HEADS = '__heads';

function codeUnitCompare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The package's ESM build (what `import` loads), as text, and its version. */
export function genaiPricesSource() {
  const entry = fileURLToPath(import.meta.resolve('@pydantic/genai-prices'));
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return { text: readFileSync(entry, 'utf8'), version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

/**
 * The package's module text with every large top-level literal replaced by a read of the same value
 * from the JSON file (`json`, minus documentation keys the code never names), and
 * `export { <the provider list> as providerData }` added so a test can walk every model. Throws when
 * the module is not shaped as expected.
 */
export function compactPrices(text) {
  const file = ts.createSourceFile('genai-prices.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const literals = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      const init = decl.initializer;
      if (!init || !ts.isIdentifier(decl.name)) continue;
      if (!(ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init))) continue;
      if (init.end - init.getStart(file) < LARGE) continue;
      literals.push({ name: decl.name.text, start: init.getStart(file), end: init.end });
    }
  }
  const compares = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'localeCompare' && node.arguments.length === 1) {
      compares.push({ start: node.getStart(file), end: node.end, left: node.expression.expression.getText(file), right: node.arguments[0].getText(file) });
    }
    if (ts.isClassDeclaration(node)) lazyAncestors.push(...ancestorSets(node, file));
    const api = apiPatternTest(node, file);
    if (api) apiTests.push(api);
    ts.forEachChild(node, visit);
  };
  const lazyAncestors = [];
  const apiTests = [];
  visit(file);
  if (literals.length === 0) throw new Error('no large data literal found in @pydantic/genai-prices: its build changed; update scripts/compact-prices.mjs');
  let code = '';
  let at = 0;
  for (const l of literals) {
    code += text.slice(at, l.start);
    at = l.end;
  }
  code += text.slice(at);
  const dropped = DOC_KEYS.filter((key) => !new RegExp(`\\b${key}\\b`).test(code));
  const data = {};
  const modelFiles = [];
  const extractors = [];
  const edits = [];
  let providers;
  for (const l of literals) {
    // The package's own data literal (numbers, strings, !0/!1, template strings): evaluating it is
    // evaluating the package, which the CLI does anyway.
    const value = new Function(`return (${text.slice(l.start, l.end)});`)();
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) throw new Error(`@pydantic/genai-prices: ${l.name} holds values JSON cannot carry`);
    const isProviders = Array.isArray(value) && value.every((p) => typeof p?.id === 'string' && Array.isArray(p.models));
    if (isProviders) providers = l.name;
    // Only a provider's or a model's own documentation goes (both have an `id`), never a price key.
    const json = JSON.stringify(value, function (key, v) {
      return isProviders && dropped.includes(key) && typeof this.id === 'string' ? undefined : v;
    });
    // Each provider's model list goes to a file of its own, its extractors to a file they share; each
    // is read the first time the package reads it.
    data[l.name] = isProviders
      ? JSON.parse(json).map((p, i) => {
          modelFiles.push(JSON.stringify(p.models));
          extractors.push('extractors' in p ? p.extractors : null);
          return 'extractors' in p ? { ...p, models: i, extractors: i } : { ...p, models: i };
        })
      : JSON.parse(json);
    edits.push({ start: l.start, end: l.end, text: `${DATA}[${JSON.stringify(l.name)}]` });
  }
  // The package sorts its unit keys and their dimension names with localeCompare, whose first call
  // builds an ICU collator (~15 ms). On these ASCII keys it orders exactly as comparing code units
  // does (checked here, pair by pair, on the data itself), so that comparison is used instead.
  const unitTable = Object.values(data).find((v) => !Array.isArray(v) && Object.values(v).every((u) => u && typeof u === 'object' && 'dimensions' in u));
  const keySets = unitTable ? [Object.keys(unitTable), [...new Set(Object.values(unitTable).flatMap((u) => Object.keys(u.dimensions)))]] : [];
  const sameOrder = keySets.length > 0 && keySets.every((keys) => keys.every((a) => keys.every((b) => Math.sign(a.localeCompare(b)) === Math.sign(codeUnitCompare(a, b)))));
  if (sameOrder) for (const c of compares) edits.push({ start: c.start, end: c.end, text: `${DATA}Compare(${c.left}, ${c.right})` });
  // Each unit's ancestors, worked out here when the registry is only ever built from the bundled unit
  // table (one `new` of its class, given that literal): the package's own test (every entry of the
  // other unit's dimensions is in this one's) over all ~60 units, ~2% of a one-file `cost` at run time.
  const unitName = unitTable && literals.find((l) => data[l.name] === unitTable)?.name;
  const precomputed = unitName !== undefined && lazyAncestors.length > 0 && lazyAncestors.every((a) => newOnlyWith(file, a.className, unitName));
  if (precomputed) data[ANCESTORS] = unitAncestors(unitTable);
  for (const a of lazyAncestors) {
    const value = precomputed ? `new Set(${DATA}[${JSON.stringify(ANCESTORS)}][${a.key}])` : a.value;
    edits.push({ start: a.start, end: a.end, text: `(this.${a.map} = ${DATA}Lazy(this.${a.map})).setLazy(${a.key}, () => ${value})` });
  }
  for (const a of apiTests) edits.push({ start: a.start, end: a.end, text: `${DATA}ApiMatch(${a.provider}, ${a.url})` });
  // Each bundled provider's literal head, worked out here: the lookup by URL asks for every provider's
  // before the one that matches (~30 for OpenAI's URL, ~1% of a one-file `cost`).
  if (apiTests.length > 0 && providers) data[HEADS] = Object.fromEntries(data[providers].map((p) => [p.api_pattern, literalHead(p.api_pattern)]));
  let out = '';
  let at2 = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    if (e.start < at2) throw new Error('@pydantic/genai-prices: two edits of scripts/compact-prices.mjs overlap; update it');
    out += text.slice(at2, e.start) + e.text;
    at2 = e.end;
  }
  out += text.slice(at2);
  if (!providers) throw new Error('@pydantic/genai-prices: no provider list among its data literals; update scripts/compact-prices.mjs');
  // The data file sits in dist/vendor/; the module runs from dist/vendor/ (tests) or dist/bundle/
  // (the CLI's bundle), both one level below dist/.
  // Read by path: in the CLI's bundle (CommonJS) __dirname is dist/bundle/, and making a file URL of
  // import.meta.url and reading through it loaded node's URL code (~1% of a one-file \`cost\`).
  const head = `import { readFileSync as ${DATA}Read } from 'node:fs';
import { fileURLToPath as ${DATA}FilePath } from 'node:url';
const ${DATA}Dir = typeof __dirname === 'string' ? __dirname : ${DATA}FilePath(new URL('.', import.meta.url));
const ${DATA}Vendor = (name) => ${DATA}Read(\`\${${DATA}Dir}/../vendor/\${name}\`, 'utf8');
const ${DATA}Compare = ${codeUnitCompare.toString()};
const ${DATA} = JSON.parse(${DATA}Vendor('${DATA_FILE}'));
// A provider's models are read and parsed the first time the package reads them: a lookup reads a
// few providers' lists (the one its URL or model name names), not all of them.
// Their extractors (only extractUsage and updatePrices read them), all at once on the first read.
let ${DATA}Extractors;
const ${DATA}Lazily = (provider, key, read) => {
  Object.defineProperty(provider, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = read();
      Object.defineProperty(provider, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
};
for (const provider of ${DATA}[${JSON.stringify(providers)}]) {
  const n = provider.models;
  ${DATA}Lazily(provider, 'models', () => JSON.parse(${DATA}Vendor(\`${MODELS_DIR}/\${n}.json\`)));
  if ('extractors' in provider) {
    ${DATA}Lazily(provider, 'extractors', () => (${DATA}Extractors ??= JSON.parse(${DATA}Vendor('${EXTRACTORS_FILE}')))[n]);
  }
}
/** A Map whose values set with setLazy are computed on their first get. */
class ${DATA}LazyMap extends Map {
  #pending = new Map();
  setLazy(key, compute) {
    this.#pending.set(key, compute);
    return this;
  }
  get(key) {
    const compute = this.#pending.get(key);
    if (compute) {
      this.#pending.delete(key);
      super.set(key, compute());
    }
    return super.get(key);
  }
}
const ${DATA}Lazy = (map) => (map instanceof ${DATA}LazyMap ? map : new ${DATA}LazyMap(map));
${apiTests.length > 0 ? `const ${DATA}LiteralHead = ${literalHead.toString()};
/**
 * \`new RegExp(\\\`^(?:\${provider.api_pattern})\\\`).test(url)\`, the package's test, compiling the pattern
 * only when the URL starts with its literal head: a lookup by URL tries the providers in order, and
 * compiling every earlier provider's pattern (~30 for OpenAI's URL) was ~2% of a one-file \`cost\`.
 */
const ${DATA}Heads = ${DATA}[${JSON.stringify(HEADS)}];
const ${DATA}ApiMatch = (provider, url) => {
  const pattern = provider.api_pattern;
  const head = Object.hasOwn(${DATA}Heads, pattern) ? ${DATA}Heads[pattern] : ${DATA}LiteralHead(pattern);
  return String(url).startsWith(head) && new RegExp(\`^(?:\${pattern})\`).test(url);
};
` : ''}`;
  return { module: `${head}${out}\nexport { ${providers} as providerData };\n`, json: JSON.stringify(data), modelFiles, extractors: JSON.stringify(extractors) };
}

/**
 * The package's provider lookup by URL, `new RegExp(\`^(?:${o.api_pattern})\`).test(url)`: the call
 * and its two operands' text, rewritten to a test that compiles only a pattern whose literal head the
 * URL starts with (see literalHead); undefined for any other node.
 */
function apiPatternTest(node, file) {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'test') return undefined;
  const made = node.expression.expression;
  if (!ts.isNewExpression(made) || made.expression.getText(file) !== 'RegExp' || made.arguments?.length !== 1) return undefined;
  const template = made.arguments[0];
  if (!ts.isTemplateExpression(template) || template.head.text !== '^(?:' || template.templateSpans.length !== 1) return undefined;
  const [span] = template.templateSpans;
  if (span.literal.text !== ')' || !ts.isPropertyAccessExpression(span.expression) || span.expression.name.text !== 'api_pattern') return undefined;
  return { start: node.getStart(file), end: node.end, provider: span.expression.expression.getText(file), url: node.arguments[0].getText(file) };
}

/**
 * The text every string a RegExp source matches from its start begins with: its leading literal
 * characters (an escaped punctuation mark such as `\\.` stands for itself), stopping at any operator
 * and leaving out a character a quantifier follows. '' when the source has a `|` outside brackets,
 * whose other side may begin otherwise, or a `)` it did not open. Written into the generated module (toString), so it uses
 * nothing but its argument.
 */
export function literalHead(source) {
  for (let i = 0, depth = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    // A `)` of no `(` of its own closes the package's `^(?:` early: what follows is outside the `^`.
    else if (c === ')' && --depth < 0) return '';
    else if (c === '|' && depth === 0) return '';
  }
  let head = '';
  for (let i = 0; i < source.length; i++) {
    let c = source[i];
    if (c === '\\') {
      c = source[i + 1] ?? '';
      if (!/^[^A-Za-z0-9]$/.test(c)) break;
      i++;
    } else if ('^$.|?*+()[]{}'.includes(c)) break;
    if (i + 1 < source.length && '?*+{'.includes(source[i + 1])) break;
    head += c;
  }
  return head;
}

/**
 * The package's unit registry (the class with `ancestorUsageKeys`) works out, when it is built, every
 * unit's ancestors by comparing every pair of units (~60² comparisons through Object.entries): about
 * as long as the rest of a one-file `cost` run. A lookup asks for the ancestors of a few units, so
 * the constructor's `this.#map.set(key, new Set(...filter...))` in its loop becomes a deferred
 * computation of the same Set, run the first time `ancestorUsageKeys` reads that key. Returns the
 * calls to rewrite (none when the class is not shaped so: the module then stays as it was).
 */
function ancestorSets(node, file) {
  const reader = node.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText(file) === 'ancestorUsageKeys');
  const ctor = node.members.find(ts.isConstructorDeclaration);
  if (!reader?.body || !ctor?.body) return [];
  const found = [];
  const visit = (n, inLoop) => {
    if (
      inLoop &&
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'set' &&
      ts.isPropertyAccessExpression(n.expression.expression) &&
      n.expression.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
      ts.isPrivateIdentifier(n.expression.expression.name) &&
      n.arguments.length === 2 &&
      ts.isNewExpression(n.arguments[1]) &&
      n.arguments[1].expression.getText(file) === 'Set'
    ) {
      const map = n.expression.expression.name.text;
      // Only the map that ancestorUsageKeys reads, and only through get().
      if (reader.body.getText(file).includes(`this.${map}.get(`)) {
        found.push({ start: n.getStart(file), end: n.end, map, key: n.arguments[0].getText(file), value: n.arguments[1].getText(file), className: node.name?.text });
      }
    }
    ts.forEachChild(n, (c) => visit(c, inLoop || ts.isForOfStatement(n)));
  };
  visit(ctor.body, false);
  // Only the map that ancestorUsageKeys reads, and only when nothing else in the class touches it.
  const maps = new Set(found.map((f) => f.map));
  const uses = (map) => node.getText(file).split(`this.${map}`).length - 1;
  return found.filter((f) => maps.size === 1 && uses(f.map) === 3);
}

/**
 * Whether the module's only `new className(...)` is given the identifier `arg` alone (the unit
 * registry built from the bundled unit table, never from other data).
 */
function newOnlyWith(file, className, arg) {
  if (!className) return false;
  const news = [];
  const visit = (n) => {
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === className) news.push(n);
    ts.forEachChild(n, visit);
  };
  visit(file);
  return news.length === 1 && news[0].arguments?.length === 1 && ts.isIdentifier(news[0].arguments[0]) && news[0].arguments[0].text === arg;
}

/**
 * The unit registry's ancestors of each unit of `units` (the bundled unit table: usage key -> unit),
 * as the package works them out: the usage keys of the other units, in the table's order, every
 * entry of whose dimensions the unit's dimensions hold.
 */
export function unitAncestors(units) {
  const entries = Object.entries(units);
  return Object.fromEntries(
    entries.map(([key, unit]) => [key, entries.filter(([other, o]) => other !== key && Object.entries(o.dimensions).every(([d, v]) => unit.dimensions[d] === v)).map(([other]) => other)]),
  );
}

/** Write the compacted module (`genai-prices.js`) and its data (`genai-prices.json`) into `dir` (dist/vendor). */
export function writeCompactPrices(dir) {
  const { text, version } = genaiPricesSource();
  const { module, json, modelFiles, extractors } = compactPrices(text);
  rmSync(join(dir, MODELS_DIR), { recursive: true, force: true });
  mkdirSync(join(dir, MODELS_DIR), { recursive: true });
  writeFileSync(join(dir, DATA_FILE), json);
  writeFileSync(join(dir, EXTRACTORS_FILE), extractors);
  modelFiles.forEach((models, i) => writeFileSync(join(dir, MODELS_DIR, `${i}.json`), models));
  writeFileSync(join(dir, 'genai-prices.js'), `// Generated by scripts/compact-prices.mjs from @pydantic/genai-prices ${version} (MIT): its code, its data read as JSON.\n${module}`);
}
