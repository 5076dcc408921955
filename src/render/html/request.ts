import type { LlmRequest } from '../../llm/types.js';
import { html, type SafeHtml } from './escape.js';
import { messageItem } from './messages.js';
import type { HtmlOptions } from './options.js';

/**
 * The request as a conversation. Messages before `firstNew` were already shown by an earlier
 * interaction, so they sit in a closed section, shortened; the new ones are marked.
 */
export function requestBlock(r: LlmRequest, firstNew: number | undefined, previousId: string | undefined, o: HtmlOptions): SafeHtml {
  const params = Object.entries(r.params)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
  const split = firstNew ?? 0;
  const earlier = r.messages.slice(0, split).map((m) => messageItem(m, false, o, { brief: true }));
  const fresh = r.messages.slice(split).map((m) => messageItem(m, firstNew !== undefined, o, { brief: false }));
  const system = r.system ? messageItem({ role: 'system', text: r.system }, false, o, { brief: split > 0 }) : '';
  return html`<section class="request"><h3>request${r.model ? html` <span class="muted">${r.model}</span>` : ''}</h3>${params ? html`<div class="meta mono">${o.mask(params)}</div>` : ''}${
    r.tools.length > 0 ? toolList(r, o) : ''
  }${
    earlier.length > 0
      ? html`<details class="earlier"><summary>${earlier.length} earlier message${earlier.length === 1 ? '' : 's'}${
          previousId ? html` (as in <a href="#${previousId}">the previous call</a>)` : ''
        }</summary><ol class="msgs">${system}${earlier}</ol></details><ol class="msgs">${fresh}</ol>`
      : html`<ol class="msgs">${system}${fresh}</ol>`
  }</section>`;
}

function toolList(r: LlmRequest, o: HtmlOptions): SafeHtml {
  const names = r.tools.map((t) => t.name).join(', ');
  return html`<details class="tools"><summary>${r.tools.length} tool${r.tools.length === 1 ? '' : 's'}: ${names}</summary><ul>${r.tools.map(
    (t) => html`<li><span class="mono">${t.name}(${t.parameters.join(', ')})</span>${t.description ? html` <span class="muted">${o.mask(t.description)}</span>` : ''}</li>`,
  )}</ul></details>`;
}
