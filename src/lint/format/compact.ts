import { sanitizeLine } from '../../text/sanitize.js';
import type { Formatter } from './types.js';

/** One line per finding: `file:line:col: severity message [rule-id]`. */
export const compact: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    if (r.error) lines.push(`error: ${sanitizeLine(r.error)}`);
    for (const f of r.findings) lines.push(`${sanitizeLine(r.filePath)}:${f.line ?? 1}:${f.column ?? 1}: ${f.severity} ${sanitizeLine(f.message)} [${f.ruleId}]`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
