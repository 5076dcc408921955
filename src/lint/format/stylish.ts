import type { TerminalLayout } from '../../render/fit.js';
import { displayWidth } from '../../render/table.js';
import { count } from '../../text/plural.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { counts, type Formatter, type LintResult } from './types.js';

interface Line {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  interaction?: number | undefined;
  ruleId: string;
}

/** A file that could not be read: its error as a line of its own, at the position the error names. */
function errorLine(r: LintResult): Line {
  const text = sanitizeLine(r.error ?? '');
  const path = sanitizeLine(r.filePath);
  const rest = text.startsWith(path) ? text.slice(path.length) : `: ${text}`;
  const m = /^:(\d+):(\d+): (.*)$/s.exec(rest);
  return { line: Number(m?.[1] ?? 1), column: Number(m?.[2] ?? 1), severity: 'error', message: m?.[3] ?? rest.replace(/^: /, ''), ruleId: '' };
}

/**
 * ESLint's stylish layout: the path once as a group header, then one aligned line per finding,
 * `line:col  severity  message  rule-id`; a file that could not be read gets its error the same way.
 * Positions default to 1:1, as in every other formatter. On a terminal narrower than a line, the
 * message column wraps (rule ids stay in their column, the positions stay whole).
 */
export const stylish: Formatter = (results, { palette: p, layout, baselined }) => {
  const out: string[] = [];
  for (const r of results) {
    // A broken file may still hold the secret-text findings searched in its bytes.
    const lines: Line[] = [...(r.error ? [errorLine(r)] : []), ...r.findings.map((f): Line => ({ line: f.line ?? 1, column: f.column ?? 1, severity: f.severity === 'error' ? 'error' : 'warning', message: sanitizeLine(f.message), interaction: f.interaction, ruleId: f.ruleId }))];
    if (lines.length === 0) continue;
    const text = lines.map((l) => ({ ...l, message: `${l.message}${l.interaction !== undefined ? ` [#${l.interaction}]` : ''}` }));
    const lw = Math.max(...text.map((l) => String(l.line).length));
    const cw = Math.max(...text.map((l) => String(l.column).length));
    const sw = Math.max(...text.map((l) => l.severity.length));
    const columns = messageColumns(text, 2 + lw + 1 + cw + 2 + sw + 2, layout);
    out.push(p.bold(sanitizeLine(r.filePath)));
    for (const l of text) {
      const where = p.dim(`${String(l.line).padStart(lw)}:${String(l.column).padEnd(cw)}`);
      const severity = (l.severity === 'error' ? p.red : p.yellow)(l.severity.padEnd(sw));
      const [first = '', ...rest] = columns.rows(l);
      const message = l.ruleId && columns.ruleColumn ? first + ' '.repeat(columns.width - displayWidth(first)) : first;
      out.push(`  ${where}  ${severity}  ${message}${l.ruleId && columns.ruleColumn ? `  ${p.gray(l.ruleId)}` : ''}`.trimEnd());
      for (const row of rest) out.push(`${' '.repeat(columns.indent)}${row}`);
    }
    out.push('');
  }
  const { errors, warnings, fixable } = counts(results);
  const failed = results.filter((r) => r.error).length;
  const total = errors + warnings;
  // Nothing linted (every named file skipped): stderr says what was skipped, stdout stays quiet.
  if (total === 0 && failed === 0 && baselined !== undefined) return `${p.green(`✔ wrote baseline with ${count(baselined, 'finding')} from ${count(results.length, 'cassette')}`)}\n`;
  if (total === 0 && failed === 0) return results.length ? `${p.green(`✔ ${count(results.length, 'cassette')} clean`)}\n` : '';
  const summary = `✖ ${count(total, 'problem')} (${count(errors, 'error')}, ${count(warnings, 'warning')})${failed ? `, ${count(failed, 'file')} unreadable` : ''}`;
  out.push(errors || failed ? p.red(p.bold(summary)) : p.yellow(p.bold(summary)));
  if (fixable) out.push(p.dim(`  ${fixable} fixable with --fix`));
  // A path wider than the terminal is the one row left: it wraps with an indent, not at the edge.
  return `${layout ? layout.fit(out.join('\n')) : out.join('\n')}\n`;
};

interface MessageColumns {
  /** Columns before the message. */
  indent: number;
  /** Width of the message column: messages are padded to it when the rule ids follow in a column. */
  width: number;
  /** false when the terminal is too narrow for a rule-id column: the id then follows its message. */
  ruleColumn: boolean;
  /** A finding's message as rows of at most `width` columns. */
  rows(l: { message: string; ruleId: string }): string[];
}

/** Narrowest message column worth keeping the rule ids in a column of their own. */
const MIN_MESSAGE_COLUMN = 24;
/** Narrowest message column beside the positions; below it the message goes on rows of its own. */
const MIN_STACKED_ROOM = 16;
const STACKED_INDENT = 4;

/** How the messages of one file are laid out after `indent` columns on a terminal of `columns`. */
function messageColumns(lines: readonly { message: string; ruleId: string }[], indent: number, layout: TerminalLayout | undefined): MessageColumns {
  const mw = Math.max(...lines.map((l) => displayWidth(l.message)));
  const rw = Math.max(0, ...lines.map((l) => (l.ruleId ? 2 + displayWidth(l.ruleId) : 0)));
  const whole = (l: { message: string }) => [l.message];
  if (!layout || indent + mw + rw <= layout.columns) return { indent, width: mw, ruleColumn: true, rows: whole };
  const room = layout.columns - indent - rw;
  if (room >= MIN_MESSAGE_COLUMN) {
    const rows = (l: { message: string }) => layout.wrap(l.message, room);
    const width = Math.max(...lines.map((l) => Math.max(...rows(l).map(displayWidth))));
    return { indent, width, ruleColumn: true, rows };
  }
  // Too narrow for two columns: the id goes after the message, and both wrap in what is left.
  const withId = (l: { message: string; ruleId: string }) => (l.ruleId ? `${l.message}  ${l.ruleId}` : l.message);
  const rest = layout.columns - indent;
  if (rest >= MIN_STACKED_ROOM) return { indent, width: rest, ruleColumn: false, rows: (l) => layout.wrap(withId(l), rest) };
  // Narrower still (a phone, a split pane): the message goes under its position, across the width.
  const under = Math.max(1, layout.columns - STACKED_INDENT);
  return { indent: STACKED_INDENT, width: under, ruleColumn: false, rows: (l) => ['', ...layout.wrap(withId(l), under)] };
}
