import type { ProviderId } from '../llm/types.js';

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
}
