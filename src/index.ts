/**
 * cassette as a library: load a recorded cassette of any supported recorder format into one
 * normalized model, and reassemble its LLM calls.
 *
 * @example
 * import { loadCassette, analyzeInteraction } from 'cassette';
 * const cassette = loadCassette(readFileSync(path), path);
 * for (const i of cassette.interactions) console.log(analyzeInteraction(i)?.response?.text);
 *
 * Each command's core is exported too: `costRows`/`buildCostReport`, `diffCassettes`/`diffWithin`,
 * `lintCassette` with `RULES`. List prices come from `cassette/prices` (`genaiPrices`), a separate
 * entry point so that loading the library does not load the price table.
 */
export { loadCassette, openCassette, type CassetteStream, type LoadOptions } from './load.js';
export { analyzeInteraction, type AnalyzeOptions } from './llm/analyze.js';
export { buildShowReport, createShowBuilder, type ShowBuilder, type ShowReport, type ShownInteraction, type ShowOptions } from './show/build.js';
export { FORMATS, findFormat, type FormatAdapter, type ParsedCassette } from './formats/index.js';
export { PROVIDERS, findProvider } from './providers/index.js';
export { CassetteInputError, NotHttpError, UsageError } from './model/errors.js';
export { getHeader, getHeaders } from './model/headers.js';
export { maskHeaders, maskSecretsInText, maskUrl } from './secrets/mask.js';
export { sanitize, sanitizeLine } from './text/sanitize.js';
export { costRows } from './cost/collect.js';
export { buildCostReport } from './cost/rollup.js';
export { customPriceTable, parsePriceFile } from './cost/custom-prices.js';
export type * from './cost/types.js';
export { diffCassettes, diffWithin } from './diff/compare.js';
export type * from './diff/types.js';
export { lintCassette } from './lint/engine.js';
export { RULES } from './lint/rules/index.js';
export { applyFixes } from './lint/fix.js';
export type * from './lint/types.js';
export type * from './model/types.js';
export type * from './llm/types.js';
