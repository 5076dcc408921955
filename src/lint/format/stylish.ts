import { sanitizeLine } from '../../text/sanitize.js';
import { count } from '../../text/plural.js';
import { counts, type Formatter } from './types.js';

/** Grouped by file; each line `file:line:col  severity  message  rule-id`. */
export const stylish: Formatter = (results, { palette: p }) => {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`${p.bold(sanitizeLine(r.filePath))}`, `  ${p.red('error')}  ${sanitizeLine(r.error)}`, '');
      continue;
    }
    if (r.findings.length === 0) continue;
    out.push(p.bold(sanitizeLine(r.filePath)));
    for (const f of r.findings) {
      const where = `${sanitizeLine(r.filePath)}:${f.line ?? 1}:${f.column ?? 1}`;
      const severity = f.severity === 'error' ? p.red('error') : p.yellow('warn ');
      const interaction = f.interaction !== undefined ? p.dim(` [#${f.interaction}]`) : '';
      out.push(`  ${p.dim(where)}  ${severity}  ${sanitizeLine(f.message)}${interaction}  ${p.gray(f.ruleId)}`);
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
