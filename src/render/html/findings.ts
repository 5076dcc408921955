import type { Finding } from '../../lint/types.js';
import type { ShowWarning } from '../../show/build.js';
import { html, type SafeHtml } from './escape.js';
import type { HtmlOptions } from './options.js';

/** Lint findings and show warnings as one list; empty markup when there are none. */
export function findingList(findings: readonly Finding[], warnings: readonly ShowWarning[], o: HtmlOptions): SafeHtml | '' {
  if (findings.length === 0 && warnings.length === 0) return '';
  return html`<ul class="findings">${findings.map(
    (f) => html`<li class="${f.severity}"><b>${f.severity === 'error' ? 'error' : 'warning'}</b> ${o.mask(f.message)} <span class="rule">${f.ruleId}${f.line !== undefined ? ` · line ${f.line}` : ''}</span></li>`,
  )}${warnings.map((w) => html`<li class="warn"><b>warning</b> ${o.mask(w.message)}${w.position ? html` <span class="rule">line ${w.position.line}</span>` : ''}</li>`)}</ul>`;
}
