import type { TerminalLayout } from '../../render/fit.js';
import type { Palette } from '../../render/palette.js';
import type { Finding, Rule } from '../types.js';

/** One file's outcome: its findings, or the error that stopped it from being read. */
export interface LintResult {
  filePath: string;
  findings: Finding[];
  /** The one-line error (`file:line:col: message`) when the file could not be read as a cassette (exit code 2). */
  error?: string | undefined;
  /** Where in the file the error is, when it names a place (a parse error, a broken interaction). */
  errorAt?: { line: number; column: number } | undefined;
  /** Set when `--fix` rewrote the file. */
  fixed?: boolean | undefined;
}

export interface FormatterContext {
  palette: Palette;
  rules: readonly Rule[];
  cwd: string;
  /** cassette's own version, for SARIF. */
  version: string;
  /** The terminal's width and wrapping, for the human layouts; undefined (a pipe or a file): full lines. */
  layout?: TerminalLayout | undefined;
  /** With --write-baseline: how many findings went into the baseline instead of the report. */
  baselined?: number | undefined;
}

export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

export function counts(results: readonly LintResult[]): { errors: number; warnings: number; fixable: number } {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
      if (f.fix) fixable++;
    }
  }
  return { errors, warnings, fixable };
}
