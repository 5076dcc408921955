import type { CostRow } from '../../cost/types.js';
import type { LlmResponse } from '../../llm/types.js';
import { formatUsd } from '../format.js';
import { usageText } from '../show-text.js';
import { html, type SafeHtml } from './escape.js';
import { toolCallBlock } from './messages.js';
import type { HtmlOptions } from './options.js';

/** The reassembled response: error, reasoning (closed), text, tool calls, finish reason, usage and cost. */
export function responseBlock(r: LlmResponse, cost: CostRow | undefined, o: HtmlOptions): SafeHtml {
  const about = [r.model, r.streamed ? 'streamed' : ''].filter(Boolean).join(' · ');
  const meta = [r.finishReason ? `finish ${r.finishReason}` : '', usageText(r.usage).replace(/ \u00b7 cost .*$/, ''), r.truncated ? 'truncated' : ''].filter(Boolean);
  return html`<section class="response"><h3>response${about ? html` <span class="muted">${about}</span>` : ''}</h3>${
    r.error ? html`<div class="bad">error: ${o.mask(`${r.error.type ? `${r.error.type}: ` : ''}${r.error.message}`)}</div>` : ''
  }${r.reasoning ? html`<details class="reasoning"><summary>reasoning (${r.reasoning.length} chars)</summary><pre>${o.mask(r.reasoning)}</pre></details>` : ''}${
    r.text ? html`<div class="msg role-assistant"><div class="role">assistant</div><pre>${o.mask(r.text)}</pre></div>` : ''
  }${r.refusal ? html`<div class="bad">refusal: ${o.mask(r.refusal)}</div>` : ''}${r.toolCalls.map((c) => toolCallBlock(c, o))}${
    r.embeddings ? html`<div>${r.embeddings.count} embedding vector(s) \u00d7 ${r.embeddings.dimensions} dimensions</div>` : ''
  }${(r.choices ?? []).slice(1).map((c) => html`<details><summary>choice ${c.index}</summary><pre>${o.mask(c.text)}</pre></details>`)}<div class="meta">${meta.join(' · ')}${
    cost ? html`${meta.length > 0 ? ' · ' : ''}${costText(cost)}` : ''
  }</div></section>`;
}

/** `cost $0.0001 (recorded)`, `cost $0.02 (estimated from list prices as openai/gpt-4o)`, `cost unknown: why`. */
export function costText(row: CostRow): string {
  if (row.cost === null) return `cost unknown${row.reason ? `: ${row.reason}` : ''}`;
  if (row.costSource === 'recorded') return `cost ${formatUsd(row.cost)} (recorded by the API${row.estimate !== null ? `; list price ${formatUsd(row.estimate)}` : ''})`;
  return `cost ${formatUsd(row.cost)} (estimated from list prices${row.pricedAs ? ` as ${row.pricedAs}` : ''})`;
}
