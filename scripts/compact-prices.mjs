// Build step: a copy of @pydantic/genai-prices' ESM build whose price data is read from JSON files.
//
// Why: the package keeps ~500 KB of provider and model data as one JavaScript object literal, and
// V8 has to parse and run all of it when the module loads: about 150 ms of a `cassette cost` run.
// Here the data goes to dist/vendor/genai-prices.json, read with JSON.parse (much faster than
// V8's JavaScript parser on literal data), each provider's model list in a file of its own
// (dist/vendor/genai-prices-models/<n>.json) read only when the package first reads it, the
// providers' usage extractors (three quarters of the rest, which only extractUsage and updatePrices
// read, never a price lookup) likewise in dist/vendor/genai-prices-extractors.json, and without
// the documentation fields (descriptions, pricing URLs, comments, context windows) that no code in
// the package names. Not as string literals in the module: the CLI reads its whole bundle at every
// start, ~8-13 µs a KB on the machine measured (page faults), and the model lists are ~400 KB.
// The code is the package's own, with edits made only where it is shaped as expected (each below):
// its two localeCompare sorts of unit names become a code-unit comparison, after checking on the
// data that both order every pair alike; its unit registry reads each unit's ancestors (ancestorSets)
// and join key (dimensionKeyCall) from tables worked out here, and is built only when the unit
// engine runs, since calcPrice answers by flatPrice where that was checked here (flatEdits,
// flatShapes). test/cost/compact-prices.test.ts prices every model of every provider with both
// modules and expects the same numbers.
//
// The literals are found with TypeScript's parser (a build dependency anyway), not by their
// minified names: any top-level `const` whose initializer is a large array or object literal.
// Anything unexpected (no such literal, a value JSON cannot hold) stops the build with a message.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import ts from 'typescript';

/** Keys of the data that only document it. One is dropped only when the package's code never names it. */
const DOC_KEYS = ['description', 'pricing_urls', 'price_comments', 'context_window'];
const LARGE = 4096;
const DATA = '__genaiPricesData';
/** Every provider's `extractors` (or null: it has none), by its place in the provider list. */
const EXTRACTORS_FILE = 'genai-prices-extractors.json';
const DATA_FILE = 'genai-prices.json';
/** One file per provider, named by its place in the provider list: its model list. */
const MODELS_DIR = 'genai-prices-models';
/** Keys of the data file beside the package's literals: each unit's ancestors, each api_pattern's literal head. */
const ANCESTORS = '__ancestors';
/** Key of the data file holding each unit's dimension key (the registry's join index), by usage key. */
const DIM_KEYS = '__dimKeys';
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
 * `export { <the provider list> as providerData }` added so a test can walk every model. Given the
 * package's `calcPrice` and our `flatPrice` (see flatShapes below), calcPrice answers by flatPrice (src/cost/flat-price.ts) where
 * that was checked to agree with the package's unit engine, whose unit registry is then built only
 * when first needed. Throws when the module is not shaped as expected.
 */
export function compactPrices(text, { calcPrice, flatPrice } = {}) {
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
    if (ts.isClassDeclaration(node)) {
      lazyAncestors.push(...ancestorSets(node, file));
      const keys = dimensionKeyCall(node, file);
      if (keys) dimKeyCalls.push(keys);
    }
    const api = apiPatternTest(node, file);
    if (api) apiTests.push(api);
    ts.forEachChild(node, visit);
  };
  const lazyAncestors = [];
  const dimKeyCalls = [];
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
  /** Each provider's model list, as JSON, by its place in the provider list. */
  const modelFiles = [];
  const extractors = [];
  /** The places of the providers that have usage extractors. */
  const withExtractors = [];
  const edits = [];
  let providers;
  for (const l of literals) {
    // The package's own data literal (numbers, strings, !0/!1, template strings): evaluating it is
    // evaluating the package, which the CLI does anyway.
    const value = new Function(`return (${text.slice(l.start, l.end)});`)();
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) throw new Error(`@pydantic/genai-prices: ${l.name} holds values JSON cannot carry`);
    const isProviders = Array.isArray(value) && value.every((p) => typeof p?.id === 'string' && Array.isArray(p.models));
    if (isProviders) providers = l.name;
    if (isProviders && new Set(value.map((p) => p.id)).size !== value.length) throw new Error('@pydantic/genai-prices: two providers share an id; update scripts/compact-prices.mjs');
    // Only a provider's or a model's own documentation goes (both have an `id`), never a price key.
    const json = JSON.stringify(value, function (key, v) {
      return isProviders && dropped.includes(key) && typeof this.id === 'string' ? undefined : v;
    });
    // Each provider's model list goes to a file of its own, its extractors to a file they share; each
    // is read the first time the package reads it (getters the module adds, see the head below).
    data[l.name] = isProviders
      ? JSON.parse(json).map(({ models, extractors: own, ...p }, i) => {
          modelFiles.push(JSON.stringify(models));
          extractors.push(own ?? null);
          if (own !== undefined) withExtractors.push(i);
          return p;
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
  /** Values worked out here, written into the module as object literals: their strings are code constants. */
  const derived = {};
  if (precomputed) derived[ANCESTORS] = commaLists(unitAncestors(unitTable));
  for (const a of lazyAncestors) {
    // Precomputed, the map reads a unit's ancestors from the data on its first get (no closure per unit).
    const text = precomputed ? `(this.${a.map} = ${DATA}AncestorMap(this.${a.map}))` : `(this.${a.map} = ${DATA}Lazy(this.${a.map})).setLazy(${a.key}, () => ${a.value})`;
    edits.push({ start: a.start, end: a.end, text });
  }
  // Each unit's key in the registry's join index, worked out here by the package's own function (its
  // text, run on the bundled table): building it at run time, a JSON string of sorted entries for each
  // of ~60 units, was a quarter of the memory a one-file `cost` allocates before its first scavenge.
  const dimKeys = precomputed && dimKeyCalls.length === 1 && dimKeyCalls[0].className === lazyAncestors[0].className ? unitDimensionKeys(unitTable, dimKeyCalls[0].fn) : undefined;
  if (dimKeys) {
    derived[DIM_KEYS] = dimKeys;
    const [c] = dimKeyCalls;
    edits.push({ start: c.start, end: c.end, text: `${DATA}${DIM_KEYS}[${c.key}]` });
  }
  for (const a of apiTests) edits.push({ start: a.start, end: a.end, text: `${DATA}ApiMatch(${a.provider}, ${a.url})` });
  // The unit engine's first run builds the unit registry (~60 units, a dozen Maps and Sets) and checks
  // the model's prices against it: with a one-file \`cost\`, as much memory as the rest of the price
  // lookup, and what pushed it into V8's first scavenge (~9 ms of its ~30 ms over \`node -e 0\`).
  // A price object whose keys and usage shape flatShapes checked is priced by flatPrice instead.
  const flat = calcPrice && flatPrice && precomputed ? flatEdits(file, lazyAncestors[0].className, unitName) : undefined;
  const shapes = flat && flatShapes(data[providers].map((p, i) => ({ ...p, models: JSON.parse(modelFiles[i]) })), calcPrice, flatPrice);
  if (flat) edits.push(...flat.edits);
  // Each bundled provider's literal head, worked out here: the lookup by URL asks for every provider's
  // before the one that matches (~30 for OpenAI's URL, ~1% of a one-file `cost`).
  if (apiTests.length > 0 && providers) derived[HEADS] = Object.fromEntries(data[providers].map((p) => [p.api_pattern, literalHead(p.api_pattern)]));
  let out = '';
  let at2 = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    if (e.start < at2) throw new Error('@pydantic/genai-prices: two edits of scripts/compact-prices.mjs overlap; update it');
    out += text.slice(at2, e.start) + e.text;
    at2 = e.end;
  }
  out += text.slice(at2);
  if (!providers) throw new Error('@pydantic/genai-prices: no provider list among its data literals; update scripts/compact-prices.mjs');
  // The data files sit in dist/vendor/; the module runs from dist/vendor/ (tests) or
  // dist/bundle/ (the CLI's bundle), both one level below dist/. Read by path: in the CLI's bundle
  // (CommonJS) __dirname is dist/bundle/, and making a file URL of import.meta.url and reading
  // through it loaded node's URL code (~1% of a one-file \`cost\`).
  const head = `import { readFileSync as ${DATA}Read } from 'node:fs';
${flat ? `import { flatPrice as ${DATA}FlatPrice } from '../cost/flat-price.js';\n` : ''}import { fileURLToPath as ${DATA}FilePath } from 'node:url';
const ${DATA}Dir = typeof __dirname === 'string' ? __dirname : ${DATA}FilePath(new URL('.', import.meta.url));
const ${DATA}Vendor = (name) => ${DATA}Read(\`\${${DATA}Dir}/../vendor/\${name}\`, 'utf8');
const ${DATA}Compare = ${codeUnitCompare.toString()};
const ${DATA} = JSON.parse(${DATA}Vendor('${DATA_FILE}'));
// A provider's models are parsed the first time the package reads them (a lookup reads the lists of
// the providers its URL or model name names, not all of them); their extractors, which only
// extractUsage and updatePrices read, all at once on the first read. One getter per key, shared by
// every provider, and added (a new property, not a data property made an accessor, which would turn
// each provider into a dictionary): ~25 KB less for V8's young generation in a one-file \`cost\`.
let ${DATA}Extractors;
const ${DATA}Providers = ${DATA}[${JSON.stringify(providers)}];
const ${DATA}Loaders = {
  models: (n) => JSON.parse(${DATA}Vendor(\`${MODELS_DIR}/\${n}.json\`)),
  extractors: (n) => (${DATA}Extractors ??= JSON.parse(${DATA}Vendor('${EXTRACTORS_FILE}')))[n],
};
const ${DATA}OnFirstGet = (key) => ({
  enumerable: true,
  configurable: true,
  get() {
    // A copy of a provider (its descriptors, this getter among them) is known by its id, unique in the list.
    let n = ${DATA}Providers.indexOf(this);
    if (n < 0) n = ${DATA}Providers.findIndex((p) => p.id === this.id);
    if (n < 0) throw new Error(\`genai-prices: \${key} read from an object that is not a bundled provider\`);
    const value = ${DATA}Loaders[key](n);
    Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: true });
    return value;
  },
});
const ${DATA}Models = ${DATA}OnFirstGet('models'), ${DATA}ExtractorList = ${DATA}OnFirstGet('extractors');
const ${DATA}WithExtractors = ${JSON.stringify(withExtractors)};
for (let n = 0; n < ${DATA}Providers.length; n++) {
  Object.defineProperty(${DATA}Providers[n], 'models', ${DATA}Models);
  if (${DATA}WithExtractors.includes(n)) Object.defineProperty(${DATA}Providers[n], 'extractors', ${DATA}ExtractorList);
}
${derived[ANCESTORS] ? '' : `/** A Map whose values set with setLazy are computed on their first get. */
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
`}${derived[ANCESTORS] ? `/** Each unit's ancestors (usage keys, comma-separated), by usage key. */
const ${DATA}${ANCESTORS} = ${JSON.stringify(derived[ANCESTORS])};
/** The unit registry's ancestors map: a unit's Set made from the precomputed list on its first get. */
class ${DATA}AncestorMapClass extends Map {
  get(key) {
    if (!super.has(key) && Object.hasOwn(${DATA}${ANCESTORS}, key)) {
      const list = ${DATA}${ANCESTORS}[key];
      super.set(key, new Set(list === '' ? [] : list.split(',')));
    }
    return super.get(key);
  }
}
const ${DATA}AncestorMap = (map) => (map instanceof ${DATA}AncestorMapClass ? map : new ${DATA}AncestorMapClass(map));
` : ''}${flat ? `/**
 * For each list of price keys (in their order), the usage shapes (bit i: FLAT_USAGE_KEYS[i] holds
 * tokens) for which flatPrice was checked to give what the package's unit engine gives, at build time
 * (scripts/compact-prices.mjs, flatShapes).
 */
const ${DATA}FlatShapes = ${JSON.stringify(shapes)};
const ${DATA}FlatUsageKeys = ${JSON.stringify(FLAT_USAGE_KEYS)};
/**
 * The package's price calculation for \`usage\` at \`prices\`, by flatPrice, or undefined where that was
 * not checked: any other usage key, input or output tokens not given (the package refuses a missing
 * count whose part is given), a price history, price keys or a shape not in FlatShapes.
 */
const ${DATA}Flat = (usage, prices) => {
  if (prices === null || typeof prices !== 'object' || Array.isArray(prices)) return undefined;
  const shapes = ${DATA}FlatShapes[Object.keys(prices).join(',')];
  if (shapes === undefined || usage === null || typeof usage !== 'object') return undefined;
  let shape = 0;
  for (const key in usage) {
    const value = usage[key];
    if (value === undefined) continue;
    const bit = ${DATA}FlatUsageKeys.indexOf(key);
    if (bit < 0 || (value === 0 && bit >= 2)) return undefined;
    if (value > 0) shape |= 1 << bit;
  }
  if (usage.input_tokens === undefined || usage.output_tokens === undefined || !shapes.includes(shape)) return undefined;
  return ${DATA}FlatPrice(prices, usage);
};
` : ''}${derived[DIM_KEYS] ? `/** Each unit's key in the registry's join index, by usage key. */
const ${DATA}${DIM_KEYS} = ${JSON.stringify(derived[DIM_KEYS])};
` : ''}${apiTests.length > 0 ? `const ${DATA}LiteralHead = ${literalHead.toString()};
/**
 * \`new RegExp(\\\`^(?:\${provider.api_pattern})\\\`).test(url)\`, the package's test, compiling the pattern
 * only when the URL starts with its literal head: a lookup by URL tries the providers in order, and
 * compiling every earlier provider's pattern (~30 for OpenAI's URL) was ~2% of a one-file \`cost\`.
 */
const ${DATA}Heads = ${JSON.stringify(derived[HEADS] ?? {})};
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
 * The unit registry's join index (the map `findJoin` reads through a key function, `F`): in its
 * constructor's loop over `Object.entries(table)`, `this.#map.set(F(unit.dimensions), unit)`, where
 * `unit` is made in the loop with `dimensions: Object.freeze({ ...value.dimensions })`. Returns that
 * first argument's place, the loop's key variable, the class name and `F` made from its own text
 * (undefined when the class is not shaped so, or `F` uses anything but its argument: the module
 * then builds the index as it did).
 */
function dimensionKeyCall(node, file) {
  const join = node.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText(file) === 'findJoin');
  const ctor = node.members.find(ts.isConstructorDeclaration);
  if (!join?.body || !ctor?.body || ctor.parameters.length !== 1) return undefined;
  const table = ctor.parameters[0].name.getText(file);
  const found = [];
  const visitLoop = (loop) => {
    const binding = loop.initializer.declarations?.[0]?.name;
    if (loop.expression.getText(file).replace(/\s/g, '') !== `Object.entries(${table})` || !binding || !ts.isArrayBindingPattern(binding) || binding.elements.length !== 2) return;
    const [key, value] = binding.elements.map((e) => e.getText(file));
    const made = new Map();
    const visit = (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) made.set(n.name.text, n.initializer.getText(file).replace(/\s/g, ''));
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'set' && n.arguments.length === 2) {
        const target = n.expression.expression;
        const [first, second] = n.arguments;
        if (
          ts.isPropertyAccessExpression(target) &&
          target.expression.kind === ts.SyntaxKind.ThisKeyword &&
          ts.isPrivateIdentifier(target.name) &&
          ts.isCallExpression(first) &&
          ts.isIdentifier(first.expression) &&
          first.arguments.length === 1 &&
          ts.isIdentifier(second) &&
          first.arguments[0].getText(file) === `${second.text}.dimensions` &&
          (made.get(second.text) ?? '').includes(`dimensions:Object.freeze({...${value}.dimensions})`)
        ) {
          found.push({ start: first.getStart(file), end: first.end, key, map: target.name.text, fnName: first.expression.text });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(loop.statement);
  };
  const loops = (n) => {
    if (ts.isForOfStatement(n)) visitLoop(n);
    ts.forEachChild(n, loops);
  };
  loops(ctor.body);
  if (found.length !== 1) return undefined;
  const [f] = found;
  // Only a map that nothing but this set and findJoin's get (through the same function) touches.
  const uses = node.getText(file).split(`this.${f.map}`).length - 1;
  if (uses !== 3 || !join.body.getText(file).includes(`this.${f.map}.get(${f.fnName}(`)) return undefined;
  const decl = file.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === f.fnName);
  if (!decl) return undefined;
  let fn;
  try {
    fn = new Function(`${decl.getText(file)}\nreturn ${f.fnName};`)();
    fn({ b: 1, a: 2 }); // a free name in its text throws here
  } catch {
    return undefined;
  }
  return { start: f.start, end: f.end, key: f.key, fn, className: node.name?.text };
}

/** Each unit's join-index key (`fn`, the package's own function, given the unit's dimensions), by usage key. */
function unitDimensionKeys(units, fn) {
  return Object.fromEntries(Object.entries(units).map(([key, unit]) => [key, fn({ ...unit.dimensions })]));
}

/**
 * The usage keys flatPrice prices (src/cost/flat-price.ts), in the bit order of a usage shape. The
 * first two are always given (genaiUsage: 0 when none); the others only when they hold tokens.
 */
const FLAT_USAGE_KEYS = ['input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'cache_write_1h_tokens', 'output_reasoning_tokens'];

/**
 * For each list of price keys (in order) of the bundled price objects, the usage shapes (bitmasks over
 * FLAT_USAGE_KEYS; input and output always given, 0 when unset) for which `flatPrice` gives exactly
 * what the package's `calcPrice` gives, with no warning, on every flat price object (numbers only)
 * with those keys, for two sets of token counts. Lists where some shape disagrees keep only the shapes that agree.
 */
export function flatShapes(providers, calcPrice, flatPrice) {
  const byKeys = new Map();
  // Only flat price objects: flatPrice refuses tiered ones (the unit engine prices those at run time).
  const add = (prices) => {
    if (!prices || typeof prices !== 'object' || Array.isArray(prices) || !Object.values(prices).every((v) => typeof v === 'number')) return;
    const keys = Object.keys(prices).join(',');
    if (!byKeys.has(keys)) byKeys.set(keys, []);
    byKeys.get(keys).push(prices);
  };
  for (const provider of providers) for (const model of provider.models) {
    if (Array.isArray(model.prices)) for (const entry of model.prices) add(entry.prices);
    else add(model.prices);
  }
  const counts = [
    [1_234_567, 345_678, 100_003, 50_021, 20_011, 5_003],
    [7, 3, 2, 1, 1, 1],
  ];
  const warn = console.warn;
  const out = {};
  try {
    let warned = false;
    console.warn = () => (warned = true);
    for (const [keys, list] of byKeys) {
      const ok = [];
      for (let shape = 0; shape < 1 << FLAT_USAGE_KEYS.length; shape++) {
        const agrees = list.every((prices) =>
          counts.every((count) => {
            const usage = { input_tokens: 0, output_tokens: 0 };
            FLAT_USAGE_KEYS.forEach((key, i) => {
              if (shape & (1 << i)) usage[key] = count[i];
            });
            warned = false;
            let expected;
            try {
              expected = calcPrice(usage, 'm', { provider: { id: 'flat-check', name: 'flat-check', api_pattern: '', models: [{ id: 'm', match: { equals: 'm' }, prices }] } });
            } catch {
              return false;
            }
            const got = flatPrice(prices, usage);
            return !warned && expected !== null && got !== undefined && ['input_price', 'output_price', 'total_price'].every((k) => Object.is(got[k], expected[k]));
          }),
        );
        if (agrees) ok.push(shape);
      }
      if (ok.length > 0) out[keys] = ok;
    }
  } finally {
    console.warn = warn;
  }
  return out;
}

/**
 * The edits that let calcPrice answer by flatPrice and build the unit registry on first use: the
 * registry's one \`const X = new Registry(units)\` becomes \`let X\`, the one function that returns
 * it (\`function g() { return X; }\`) builds it then, and in calcPrice the one call of the unit
 * engine (the function whose last parameter defaults to \`g()\`) is tried after flatPrice. Undefined
 * when the module is not shaped so (it then stays as it was).
 */
function flatEdits(file, className, unitName) {
  const decl = file.statements.find(
    (st) =>
      ts.isVariableStatement(st) &&
      st.declarationList.declarations.length === 1 &&
      ts.isIdentifier(st.declarationList.declarations[0].name) &&
      st.declarationList.declarations[0].initializer?.getText(file).replace(/\s/g, '') === `new${className}(${unitName})`,
  );
  if (!decl) return undefined;
  const registry = decl.declarationList.declarations[0].name.text;
  const getter = file.statements.find(
    (st) => ts.isFunctionDeclaration(st) && st.parameters.length === 0 && st.body?.statements.length === 1 && ts.isReturnStatement(st.body.statements[0]) && st.body.statements[0].expression?.getText(file) === registry,
  );
  const uses = [];
  const count = (n) => {
    if (ts.isIdentifier(n) && n.text === registry) uses.push(n);
    ts.forEachChild(n, count);
  };
  count(file);
  if (!getter?.name || uses.length !== 2) return undefined;
  const getterName = getter.name.text;
  // calcPrice: the function the module exports under that name.
  let calcName;
  for (const st of file.statements) {
    if (!ts.isExportDeclaration(st) || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
    for (const el of st.exportClause.elements) if (el.name.text === 'calcPrice') calcName = (el.propertyName ?? el.name).text;
  }
  const calc = file.statements.find((st) => ts.isFunctionDeclaration(st) && st.name?.text === calcName);
  const engines = new Set(
    file.statements
      .filter((st) => ts.isFunctionDeclaration(st) && st.name && st.parameters.length === 3 && st.parameters[2].initializer?.getText(file) === `${getterName}()`)
      .map((st) => st.name.text),
  );
  const calls = [];
  const visit = (n) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && engines.has(n.expression.text) && n.arguments.length === 2) calls.push(n);
    ts.forEachChild(n, visit);
  };
  if (calc?.body) visit(calc.body);
  if (calls.length !== 1) return undefined;
  const [call] = calls;
  const [usage, prices] = call.arguments.map((a) => a.getText(file));
  return {
    edits: [
      { start: decl.getStart(file), end: decl.end, text: `let ${registry};` },
      { start: getter.body.statements[0].getStart(file), end: getter.body.statements[0].end, text: `return ${registry} ??= ${decl.declarationList.declarations[0].initializer.getText(file)};` },
      { start: call.getStart(file), end: call.end, text: `(${DATA}Flat(${usage}, ${prices}) ?? ${call.getText(file)})` },
    ],
  };
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

/**
 * Write the compacted module (`genai-prices.js`) and its data (`genai-prices.json`, the model lists
 * and the extractors) into `dir` (dist/vendor), checking flatPrice (dist/cost/flat-price.js: tsc
 * has run) against the package for flatShapes.
 */
export async function writeCompactPrices(dir) {
  const { text, version } = genaiPricesSource();
  const [{ calcPrice }, { flatPrice }] = await Promise.all([import('@pydantic/genai-prices'), import(pathToFileURL(join(dir, '../cost/flat-price.js')).href)]);
  const { module, json, modelFiles, extractors } = compactPrices(text, { calcPrice, flatPrice });
  rmSync(join(dir, MODELS_DIR), { recursive: true, force: true });
  mkdirSync(join(dir, MODELS_DIR), { recursive: true });
  writeFileSync(join(dir, DATA_FILE), json);
  writeFileSync(join(dir, EXTRACTORS_FILE), extractors);
  modelFiles.forEach((models, i) => writeFileSync(join(dir, MODELS_DIR, `${i}.json`), models));
  writeFileSync(join(dir, 'genai-prices.js'), `// Generated by scripts/compact-prices.mjs from @pydantic/genai-prices ${version} (MIT): its code, its data read as JSON.\n${module}`);
}

/** `lists` (key -> list of keys) with each list joined by commas; throws when a key holds a comma. */
function commaLists(lists) {
  for (const [key, list] of Object.entries(lists)) if ([key, ...list].some((k) => k.includes(','))) throw new Error(`@pydantic/genai-prices: unit key ${key} or one of its ancestors holds a comma; update scripts/compact-prices.mjs`);
  return Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.join(',')]));
}
