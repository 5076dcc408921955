/** One difference between two JSON values, at a path such as `messages[3].content`. */
export interface JsonChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** An added list item after the last kept one (appended), not inserted among them. */
  appended?: boolean | undefined;
  /** Ready wording for list changes: `+ line_count, + offset`, `order changed`. */
  detail?: string | undefined;
}

/** What kind of change a summary line is, for grouping and for the headline's order. */
export type SummaryCategory =
  | 'status'
  | 'finish'
  | 'tool-calls'
  | 'model'
  | 'request'
  | 'headers'
  | 'system'
  | 'messages-inserted'
  | 'messages-appended'
  | 'messages-edited'
  | 'messages-removed'
  | 'tools'
  | 'parameters'
  | 'response'
  | 'usage';

/** A line of the conversation-aware summary. */
export interface SummaryLine {
  category: SummaryCategory;
  text: string;
}

export interface SideDiff {
  summary: SummaryLine[];
  changes: JsonChange[];
  /** Canonical pretty-printed JSON (or text) of each side, for the unified diff. */
  before: string;
  after: string;
}

/** Two interactions compared: the request always, the response's meaning for two cassettes. */
export interface InteractionDiff {
  before: number | undefined;
  after: number | undefined;
  /** `method url` of the pair, for headings. */
  label: string;
  status: 'changed' | 'same' | 'added' | 'removed';
  /** For an added or removed interaction: `POST /v1/chat/completions gpt-4o "What is…"`. */
  description?: string | undefined;
  /** Paired out of order: the interaction moved relative to another. */
  moved?: boolean | undefined;
  request?: SideDiff | undefined;
  response?: SideDiff | undefined;
  /** Differences that are noise: ids renamed consistently on both sides (`call_A → call_B`). */
  noise?: string[] | undefined;
}

/** Token and money totals of one side's responses. */
export interface SideTotals {
  inputTokens: number;
  outputTokens: number;
  /** USD, recorded or estimated; null when no interaction had a known cost. */
  cost: number | null;
}

export interface CassetteDiff {
  before: string;
  after: string;
  mode: 'within' | 'between';
  interactions: InteractionDiff[];
  /** True when anything differs (after noise is ignored); a change of order alone is not a difference. */
  different: boolean;
  /** Some interactions were paired out of order. */
  orderChanged?: boolean | undefined;
  /** Tokens and cost of each side (two cassettes only). */
  totals?: { before: SideTotals; after: SideTotals } | undefined;
}

export interface DiffOptions {
  /** Keep noise (ids, timestamps, obfuscation, signatures) as differences, and list renamed ids. */
  showNoise?: boolean | undefined;
  /** More paths to ignore: `metadata.user_id`, `messages[*].cache_control`. */
  ignore?: readonly string[] | undefined;
  provider?: string | undefined;
  /**
   * Whether changed pairs carry their pretty-printed sides (`SideDiff.before`/`after`) for a
   * unified diff; default true. Only the text output's patch prints them: --stat, --json,
   * --markdown and --no-patch skip the work (left as empty strings).
   */
  texts?: boolean | undefined;
  /** Cost of one interaction in USD (recorded or estimated), for totals; null when unknown. */
  costOf?: ((side: { interaction: import('../model/types.js').Interaction; llm: import('../llm/types.js').LlmExchange }) => number | null) | undefined;
}
