import type { LlmExchange } from '../llm/types.js';
import type { Cassette, DocPath, Interaction } from '../model/types.js';

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** A byte range in the cassette text and what to put there; applied by `--fix`. */
export interface TextEdit {
  /** Offsets into `Cassette.text` (after any whole-file gunzip). */
  start: number;
  end: number;
  replacement: string;
  /** The text replaced is a secret: never print it (`--fix-dry-run` shows it as `sk-p…(51 chars)`). */
  secret?: boolean | undefined;
  /**
   * The text replaced, when the rule knows it (a secret's value), so findings are masked without
   * decoding the whole file. Not enumerable: no output (`-f json` prints edits) ever holds it.
   */
  readonly original?: string | undefined;
}

/** One problem, as data; formatters turn it into text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based, from the document's source positions; absent when unknown. */
  line?: number | undefined;
  column?: number | undefined;
  /** Index of the interaction, when the finding belongs to one. */
  interaction?: number | undefined;
  /** Path into the parsed document, e.g. `["interactions", 0, "response", "headers", "Authorization", 0]`. */
  path?: DocPath | undefined;
  /** Text edits that fix the finding; only rules marked `fixable` return them. */
  fix?: TextEdit[] | undefined;
  /** Request method and URL of the interaction, and the field the finding is about: what a baseline fingerprint keys on. */
  method?: string | undefined;
  url?: string | undefined;
  field?: string | undefined;
}

/** What a rule reports before the engine adds severity and positions. */
export interface RuleReport {
  message: string;
  /**
   * `warn` for a report the rule itself judges less certain (an unknown response cookie); the engine
   * never raises a report above the rule's configured severity.
   */
  severity?: Severity | undefined;
  /** The part of the interaction the finding is about (`response.headers.Set-Cookie`), for baseline fingerprints. */
  field?: string | undefined;
  /** Offset into `Cassette.text`, when the rule knows the exact spot (more precise than `path`). */
  offset?: number | undefined;
  interaction?: number | undefined;
  path?: DocPath | undefined;
  fix?: TextEdit[] | undefined;
}

export interface RuleContext {
  cassette: Cassette;
  /** This rule's options from the config (`{ "rules": { "id": ["warn", { ...options }] } }`). */
  options: Record<string, unknown>;
  /** File size in bytes as stored on disk. */
  fileSize: number;
  /** The interaction reassembled as an LLM call (memoized across rules), or undefined. */
  llm(interaction: Interaction): LlmExchange | undefined;
  /** Interactions in the file (`cassette.interactions` holds only the one being checked). */
  interactionCount: number;
  /** This rule's own memory across the interactions of one file (`duplicate-request` keeps the requests seen). */
  state: Record<string, unknown>;
  /** The text that holds an interaction: search there, not in `cassette.text`, to stay linear. */
  span(interaction: Interaction): TextSpan;
}

/**
 * Text holding one interaction: `text.slice(start, end)` is the interaction (a streamed file's item
 * text, or a range of the whole text), and `offset` is where `text` starts in `Cassette.text`.
 */
export interface TextSpan {
  text: string;
  offset: number;
  start: number;
  end: number;
  /** Where `text` starts (line, column), when it is an item's own text. */
  point?: { offset: number; line: number; column: number } | undefined;
}

/** One lint rule: one file in `src/lint/rules/`, registered in `src/lint/rules/index.ts`. */
export interface Rule {
  /** kebab-case id. */
  id: string;
  defaultSeverity: Severity;
  /** One line for `--list-rules`. */
  description: string;
  category: 'schema' | 'body' | 'stream' | 'secret' | 'hygiene';
  /** True when `check` returns `fix` edits that `--fix` can apply. */
  fixable?: boolean | undefined;
  /**
   * `interaction` (the default): `check` runs once per interaction, with `cassette.interactions`
   * holding only it. `file`: once per file, with no interactions (file size, version, emptiness).
   */
  scope?: 'file' | 'interaction' | undefined;
  /**
   * The options a config may give the rule (`["warn", {"maxBytes": 1048576}]`), each with a check
   * that returns what is wrong with a value, or undefined when it is fine. A rule without any takes none.
   */
  options?: Record<string, (value: unknown) => string | undefined> | undefined;
  check(context: RuleContext): RuleReport[];
}
