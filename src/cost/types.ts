import type { ProviderId } from '../llm/types.js';

/** `CostRow.pricedAs` of a model served on this machine (Ollama, llama.cpp, vLLM): $0 whatever its name. */
export const LOCAL_PRICED_AS = 'local (no API charge)';

export type CostSource = 'recorded' | 'estimated' | 'unknown';

/** Token counts; `inputTokens` includes cache reads and writes, `outputTokens` includes reasoning. */
export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

/** One LLM interaction's tokens and money. */
export interface CostRow extends TokenCounts {
  path: string;
  index: number;
  provider: ProviderId;
  model: string | undefined;
  /** USD; null when unknown. */
  cost: number | null;
  costSource: CostSource;
  /** The list-price estimate, also when a recorded cost is preferred (to compare). */
  estimate: number | null;
  /** Why the cost is unknown (or why there is no estimate). */
  reason?: string | undefined;
  /** What the price table matched: `provider/model`. */
  pricedAs?: string | undefined;
  /** How the estimate was made when a fallback was involved (a redacted Bedrock region, no Bedrock price). */
  note?: string | undefined;
  /** The date prices were taken at (ISO), when the cassette knows it. */
  pricedAt?: string | undefined;
  /** False when the API recorded no usage at all. */
  hasUsage: boolean;
}

/** A sum of rows: per cassette, per model, per provider, or everything. */
export interface CostGroup extends TokenCounts {
  key: string;
  interactions: number;
  /** Sum of known costs. */
  cost: number;
  /** How many rows had no known cost (so `cost` is a lower bound). */
  unknown: number;
  recorded: number;
  estimated: number;
}

export type GroupBy = 'model' | 'provider' | 'cassette';

export interface CostReport {
  rows: CostRow[];
  cassettes: CostGroup[];
  groups?: { by: GroupBy; groups: CostGroup[] } | undefined;
  total: CostGroup;
  budget: BudgetResult[];
}

export interface BudgetResult {
  limit: 'max-cost' | 'max-tokens';
  value: number;
  max: number;
  exceeded: boolean;
  /** For `max-cost`: calls whose cost is unknown, so not checked against the limit (0 for `max-tokens`). */
  unknown: number;
  /** False when no call had a known cost: the limit could not be checked at all. */
  checked: boolean;
}
