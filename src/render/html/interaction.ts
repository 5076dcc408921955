import type { CostRow } from '../../cost/types.js';
import type { Finding } from '../../lint/types.js';
import { mediaType } from '../../model/headers.js';
import type { Body } from '../../model/types.js';
import { maskUrl } from '../../secrets/mask.js';
import type { ShownInteraction, ShowWarning } from '../../show/build.js';
import { formatBytes, formatDuration, formatUsd } from '../format.js';
import { renderRawBody } from '../raw-body.js';
import { html, type SafeHtml } from './escape.js';
import { findingList } from './findings.js';
import type { HtmlOptions } from './options.js';
import { rawSection } from './raw.js';
import { requestBlock } from './request.js';
import { responseBlock } from './response.js';
import { methodLabel } from '../../model/method.js';

export interface InteractionContext {
  /** Element id of this interaction, and of its raw JSON block. */
  id: string;
  rawId: string;
  previousId: string | undefined;
  cost: CostRow | undefined;
  findings: readonly Finding[];
  warnings: readonly ShowWarning[];
}

/** `s2` for 2xx ... `s5`; `s0` without a response. Drives colours in the card and the timeline. */
export function statusClass(status: number | undefined): string {
  return status === undefined ? 's0' : `s${Math.min(5, Math.max(1, Math.floor(status / 100)))}`;
}

/** One interaction card; `data-*` attributes feed the filter box. */
export function interactionCard(s: ShownInteraction, c: InteractionContext, o: HtmlOptions): SafeHtml {
  const i = s.interaction;
  const res = i.response;
  const llm = s.llm;
  const model = llm?.response?.model ?? llm?.request.model ?? '';
  const tools = new Set([...(llm?.response?.toolCalls ?? []), ...(llm?.request.messages ?? []).flatMap((m) => m.toolCalls ?? [])].map((t) => t.name));
  const url = o.masking ? maskUrl(i.request.url) : i.request.url;
  return html`<article class="ix ${statusClass(res?.status)}" id="${c.id}" tabindex="-1" data-model="${model}" data-tools="${[...tools].join(' ')}" data-status="${res ? String(res.status) : 'none'}"><header><a href="#${c.id}"><b>#${i.index}</b></a><span class="mono">${methodLabel(i.request.method)}</span><span class="url mono">${url}</span><span class="status">${
    res ? `${res.status} ${res.statusText}` : 'no response'
  }</span>${i.durationMs !== undefined ? html`<span>${formatDuration(i.durationMs)}</span>` : ''}${model ? html`<span class="muted">${model}</span>` : ''}${
    c.cost?.cost !== null && c.cost?.cost !== undefined ? html`<span>${formatUsd(c.cost.cost)}</span>` : ''
  }</header>${findingList(c.findings, c.warnings, o)}${
    llm ? html`${requestBlock(llm.request, s.firstNewMessage, c.previousId, o)}${llm.response ? responseBlock(llm.response, c.cost, o) : ''}` : plainBlock(s, o)
  }${rawSection(c.rawId, i)}</article>`;
}

/** A call that is not an LLM API: the same preview as `show` (pretty JSON, SSE events, text; shortened). */
function plainBlock(s: ShownInteraction, o: HtmlOptions): SafeHtml {
  const i = s.interaction;
  const preview = (title: string, body: Body, type: string | undefined) =>
    html`<h3>${title} <span class="muted">${[type ?? '', formatBytes(body.size)].filter(Boolean).join(' · ')}</span></h3>${
      body.size > 0 ? html`<pre>${o.mask(renderRawBody(body, type ?? '', { full: false, raw: false }))}</pre>` : ''
    }`;
  return html`<section class="plain">${preview('request', i.request.body, mediaType(i.request.headers))}${i.response ? preview('response', i.response.body, mediaType(i.response.headers)) : ''}</section>`;
}
