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
 * Positions default to 1:1, as in every other formatter.
 */
export const stylish: Formatter = (results, { palette: p }) => {
  const out: string[] = [];
  for (const r of results) {
    const lines: Line[] = r.error
      ? [errorLine(r)]
      : r.findings.map((f) => ({ line: f.line ?? 1, column: f.column ?? 1, severity: f.severity === 'error' ? 'error' : 'warning', message: sanitizeLine(f.message), interaction: f.interaction, ruleId: f.ruleId }));
    if (lines.length === 0) continue;
    const text = lines.map((l) => ({ ...l, message: `${l.message}${l.interaction !== undefined ? ` [#${l.interaction}]` : ''}` }));
    const lw = Math.max(...text.map((l) => String(l.line).length));
    const cw = Math.max(...text.map((l) => String(l.column).length));
    const sw = Math.max(...text.map((l) => l.severity.length));
    const mw = Math.max(...text.map((l) => displayWidth(l.message)));
    out.push(p.bold(sanitizeLine(r.filePath)));
    for (const l of text) {
      const where = p.dim(`${String(l.line).padStart(lw)}:${String(l.column).padEnd(cw)}`);
      const severity = (l.severity === 'error' ? p.red : p.yellow)(l.severity.padEnd(sw));
      const message = l.ruleId ? l.message + ' '.repeat(mw - displayWidth(l.message)) : l.message;
      out.push(`  ${where}  ${severity}  ${message}${l.ruleId ? `  ${p.gray(l.ruleId)}` : ''}`.trimEnd());
    }
    out.push('');
  }
  const { errors, warnings, fixable } = counts(results);
  const failed = results.filter((r) => r.error).length;
  const total = errors + warnings;
  // Nothing linted (every named file skipped): stderr says what was skipped, stdout stays quiet.
  if (total === 0 && failed === 0) return results.length ? `${p.green(`✔ ${count(results.length, 'cassette')} clean`)}\n` : '';
  const summary = `✖ ${count(total, 'problem')} (${count(errors, 'error')}, ${count(warnings, 'warning')})${failed ? `, ${count(failed, 'file')} unreadable` : ''}`;
  out.push(errors || failed ? p.red(p.bold(summary)) : p.yellow(p.bold(summary)));
  if (fixable) out.push(p.dim(`  ${fixable} fixable with --fix`));
  return `${out.join('\n')}\n`;
};
