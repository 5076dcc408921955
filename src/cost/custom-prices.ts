import { UsageError } from '../model/errors.js';
import { compileGlob, type GlobMatcher } from '../text/glob-nfa.js';
import type { PriceTable } from './price-table.js';

/** One entry of a `--price-file`: USD per million tokens for models matching `model`. */
export interface CustomPrice {
  /** Exact model name, or a glob with `*` (`my-org/*`). */
  model: string;
  /** Only for request URLs containing this text (a host such as `api.example.com`). */
  url?: string | undefined;
  input_mtok: number;
  output_mtok: number;
  cache_read_mtok?: number | undefined;
  cache_write_mtok?: number | undefined;
  /** Reasoning tokens, when they cost other than output tokens. */
  reasoning_mtok?: number | undefined;
}

const KEYS = ['input_mtok', 'output_mtok', 'cache_read_mtok', 'cache_write_mtok', 'reasoning_mtok'] as const;

/** Parse and check a price file: `{"models": [{"model": "...", "input_mtok": 1, "output_mtok": 2}]}`. */
export function parsePriceFile(text: string, path: string): CustomPrice[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: price file is not JSON (${(error as Error).message})`);
  }
  const models = (data as { models?: unknown } | null)?.models;
  if (!Array.isArray(models)) throw new UsageError(`${path}: price file needs a "models" list`);
  return models.map((entry: unknown, i) => {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e.model !== 'string') throw new UsageError(`${path}: models[${i}] needs a "model" name`);
    for (const key of KEYS) {
      const v = e[key];
      const required = key === 'input_mtok' || key === 'output_mtok';
      if ((required && v === undefined) || (v !== undefined && (typeof v !== 'number' || !(v >= 0)))) {
        throw new UsageError(`${path}: models[${i}].${key} must be a number of USD per million tokens`);
      }
    }
    if (e.url !== undefined && typeof e.url !== 'string') throw new UsageError(`${path}: models[${i}].url must be a string`);
    return e as unknown as CustomPrice;
  });
}

// Compiled once per pattern; matched in linear time, never by a backtracking RegExp.
const compiled = new Map<string, GlobMatcher>();

function matches(pattern: string, model: string): boolean {
  if (!pattern.includes('*')) return pattern === model;
  let glob = compiled.get(pattern);
  if (!glob) compiled.set(pattern, (glob = compileGlob(pattern, { paths: false, questionMark: false })));
  return glob.test(model);
}

/** Prices from a price file; cache reads and writes fall back to the input price, reasoning to the output price. */
export function customPriceTable(prices: readonly CustomPrice[]): PriceTable {
  return (q) => {
    const names = [q.model, ...(q.otherModels ?? [])];
    const price = prices.find((p) => names.some((name) => matches(p.model, name)) && (!p.url || q.url.includes(p.url)));
    if (!price) return { reason: `no price for model "${q.model}"` };
    const cacheRead = Math.min(q.cacheReadTokens, q.inputTokens);
    const cacheWrite = Math.min(q.cacheWriteTokens, q.inputTokens - cacheRead);
    const reasoning = Math.min(q.reasoningTokens ?? 0, q.outputTokens);
    const cost =
      ((q.inputTokens - cacheRead - cacheWrite) * price.input_mtok +
        cacheRead * (price.cache_read_mtok ?? price.input_mtok) +
        cacheWrite * (price.cache_write_mtok ?? price.input_mtok) +
        (q.outputTokens - reasoning) * price.output_mtok +
        reasoning * (price.reasoning_mtok ?? price.output_mtok)) /
      1e6;
    return { cost, pricedAs: `price-file/${price.model}` };
  };
}
