import type { ContentPart, LlmMessage, ToolCall } from '../../llm/types.js';
import { prettyJson, shorten } from '../format.js';
import { html, type SafeHtml } from './escape.js';
import { imageDataUrl } from './media.js';
import type { HtmlOptions } from './options.js';

/**
 * Earlier messages repeat what a previous interaction showed: a line or two each, without images, so
 * a long agent run (every call resending the whole conversation) does not grow the page quadratically.
 */
export interface MessageStyle {
  brief: boolean;
}

const BRIEF_CHARS = 200;

export function messageItem(m: LlmMessage, isNew: boolean, o: HtmlOptions, style: MessageStyle): SafeHtml {
  const text = style.brief ? shorten(m.text, false, BRIEF_CHARS, 2).text : m.text;
  const cut = text.length < m.text.length ? html` <span class="muted">\u2026 ${m.text.length - text.length} more chars</span>` : '';
  const role = m.role + (m.name ? ` ${m.name}` : '');
  return html`<li class="msg role-${roleClass(m.role)}${isNew ? ' new' : ''}"><div class="role">${role}${isNew ? html`<span class="new-mark" title="new since the previous call">+new</span>` : ''}</div><div>${
    m.toolCallId ? html`<div class="ref">result of ${m.toolCallId}</div>` : ''
  }${text ? html`<pre>${o.mask(text)}</pre>` : ''}${cut}${(m.parts ?? []).map((p) => partBlock(p, o, style))}${(m.toolCalls ?? []).map((c) => toolCallBlock(c, o, style.brief))}</div></li>`;
}

function roleClass(role: string): string {
  return /^[a-z]+$/.test(role) ? role : 'other';
}

function partBlock(part: ContentPart, o: HtmlOptions, style: MessageStyle): SafeHtml | '' {
  if (part.type === 'text') return '';
  if (part.type === 'thinking') return html`<details class="reasoning"><summary>thinking</summary><pre>${o.mask(part.text ?? part.summary ?? '')}</pre></details>`;
  const src = part.type === 'image' && part.inline && !style.brief ? imageDataUrl(part.inline) : undefined;
  const label = `${part.type}${part.summary ? `: ${part.summary}` : ''}`;
  if (src) return html`<figure class="media"><img src="${src}" alt="${label}"><figcaption class="muted">${label}</figcaption></figure>`;
  return html`<div class="muted">[${o.mask(label)}]</div>`;
}

/** A tool call with its arguments as pretty JSON (or as recorded when they are not JSON). */
export function toolCallBlock(call: ToolCall, o: HtmlOptions, brief = false): SafeHtml {
  const args = typeof call.arguments === 'string' ? call.arguments : prettyJson(call.arguments);
  const shown = brief ? shorten(args, false, BRIEF_CHARS, 2).text : args;
  return html`<div class="call"><span class="name">${call.name}</span>${call.serverSide ? html` <span class="muted">(server tool)</span>` : ''}${
    call.id ? html` <span class="id">${call.id}</span>` : ''
  }${call.argumentsError ? html` <span class="bad" title="${call.argumentsError}">invalid JSON arguments</span>` : ''}<pre>${o.mask(shown)}${shown.length < args.length ? ' …' : ''}</pre></div>`;
}
