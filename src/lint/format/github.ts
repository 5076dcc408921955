import type { Formatter } from './types.js';

// Workflow commands: data is %-escaped, properties also escape `:` and `,`.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: `::error file=…,line=…,col=…,title=rule::message`. */
export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    if (r.error) lines.push(`::error file=${prop(r.filePath)}${r.errorAt ? `,line=${r.errorAt.line},col=${r.errorAt.column}` : ''},title=cassette::${data(r.error)}`);
    for (const f of r.findings) {
      lines.push(`::${f.severity === 'error' ? 'error' : 'warning'} file=${prop(r.filePath)},line=${f.line ?? 1},col=${f.column ?? 1},title=${prop(f.ruleId)}::${data(f.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
