/** One difference between two JSON values, at a path such as `messages[3].content`. */
export interface JsonChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** A line of the conversation-aware summary. */
export interface SummaryLine {
  /** What kind of change, for grouping: messages appended vs edited, system, tools, parameters... */
  category: 'model' | 'messages-appended' | 'messages-edited' | 'messages-removed' | 'system' | 'tools' | 'parameters' | 'request' | 'response' | 'usage';
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
  request?: SideDiff | undefined;
  response?: SideDiff | undefined;
}

export interface CassetteDiff {
  before: string;
  after: string;
  mode: 'within' | 'between';
  interactions: InteractionDiff[];
  /** True when anything differs (after noise is ignored). */
  different: boolean;
}

export interface DiffOptions {
  /** Keep noise (ids, timestamps, obfuscation, signatures) as differences. */
  showNoise?: boolean | undefined;
  /** More paths to ignore: `metadata.user_id`, `messages[*].cache_control`. */
  ignore?: readonly string[] | undefined;
  provider?: string | undefined;
}
