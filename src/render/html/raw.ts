import type { Body, Header, Interaction } from '../../model/types.js';
import { maskHeaders, maskUrl } from '../../secrets/mask.js';
import { sanitize } from '../../text/sanitize.js';
import { formatBytes, prettyJson } from '../format.js';
import { hexPreview } from '../raw-body.js';
import { html, jsonForScript, SafeHtml } from './escape.js';
import type { HtmlOptions } from './options.js';
import { methodLabel } from '../../model/method.js';

interface RawSide {
  headers: [string, string][];
  body: string;
}

/**
 * The raw headers and bodies of an interaction as an inert JSON block: the browser does not lay it
 * out, so a page with megabytes of bodies paints at once; the page script turns it into text nodes
 * when its section is opened.
 */
export function rawData(id: string, i: Interaction, o: HtmlOptions): SafeHtml {
  const side = (headers: readonly Header[], body: Body): RawSide => ({
    headers: (o.masking ? maskHeaders(headers) : headers).map((h) => [sanitize(h.name), sanitize(h.value)]),
    body: sanitize(o.mask(bodyText(body))),
  });
  const request = side(i.request.headers, i.request.body);
  request.headers.unshift([':request', sanitize(`${methodLabel(i.request.method)} ${o.masking ? maskUrl(i.request.url) : i.request.url}`)]);
  const response = i.response ? side(i.response.headers, i.response.body) : null;
  if (response && i.response) response.headers.unshift([':status', sanitize(`${i.response.status} ${i.response.statusText}`)]);
  // jsonForScript leaves no `<`, so the block cannot be closed early.
  return html`<script type="application/json" id="${id}">${new SafeHtml(jsonForScript({ request, response }))}</script>`;
}

/** A placeholder that the page script fills from the raw block when opened (the page says once that this needs JavaScript). */
export function rawSection(id: string, i: Interaction): SafeHtml {
  const size = i.request.body.size + (i.response?.body.size ?? 0);
  return html`<details class="raw" data-raw="${id}"><summary>raw request and response (headers, bodies \u00b7 ${formatBytes(size)})</summary><div class="raw-slot"></div></details>`;
}

function bodyText(body: Body): string {
  if (body.size === 0) return '';
  if (body.binary || body.text === undefined) return `<binary, ${formatBytes(body.size)}>\n${hexPreview(body.bytes, 4096)}`;
  if (body.isJson) return prettyJson(body.json);
  return body.text;
}
