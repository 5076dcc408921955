import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadCassette } from '../../src/load.js';
import { renderShowHtml } from '../../src/render/html/page.js';
import { buildHtmlCassette, type HtmlReport } from '../../src/show/html-report.js';
import { SAMPLES } from '../helpers/corpus.js';
import { HOSTILE_CASSETTE, HOSTILE_KEY } from '../helpers/hostile-cassette.js';

function report(text: string | Uint8Array, path: string, only?: Set<number>): HtmlReport {
  const cassette = loadCassette(text, path);
  return { cassettes: [buildHtmlCassette(cassette, { prices: genaiPrices, rules: RULES, fileSize: cassette.text.length, only })], errors: [] };
}
const sample = (name: string) => report(readFileSync(join(SAMPLES, name)), name);

/** The page without its own style and script, and without the inert JSON blocks. */
function markupOnly(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<script>[\s\S]*?<\/script>/, '')
    .replace(/<script type="application\/json" id="[^"]+">[^<]*<\/script>/g, '');
}

describe('renderShowHtml: content', () => {
  const page = renderShowHtml(sample('go-vcr-v2/openrouter-chat-stream-tool-loop.yaml'));

  it('shows format, counts, tokens and the recorded cost per cassette', () => {
    expect(page).toContain('format <b>go-vcr-v2 v2</b>');
    expect(page).toContain('<b>2</b> interactions');
    expect(page).toContain('tokens <b>326</b> (280 in / 46 out)');
    expect(page).toContain('cost <b>$0.0002595</b> (2 recorded)');
  });

  it('draws the conversation, marks new messages and pretty-prints tool arguments', () => {
    expect(page).toContain('<pre>Do I need an umbrella in Lisbon tomorrow?</pre>');
    expect(page.match(/class="new-mark"/g)).toHaveLength(2);
    expect(page).toContain('<span class="name">get_forecast</span> <span class="id">functions.get_forecast:0</span><pre>{\n  &quot;city&quot;: &quot;Lisbon&quot;,\n  &quot;day&quot;: &quot;tomorrow&quot;\n}</pre>');
    expect(page).toContain('result of functions.get_forecast:0');
    expect(page).toContain('cost $0.0001348 (recorded by the API; list price $0.0001433)');
  });

  it('draws one timeline bar per interaction, coloured by status', () => {
    expect(page.match(/<a href="#c0-i\d" class="s2"><rect /g)).toHaveLength(2);
    expect(page).toContain('<title>#0 200 · 1.48s</title>');
  });

  it('keeps raw bodies in inert JSON blocks, not in markup', () => {
    const block = /<script type="application\/json" id="raw-c0-i0">([^<]*)<\/script>/.exec(page)?.[1];
    const raw = JSON.parse(block ?? 'null') as { request: { headers: string[][]; body: string }; response: { body: string } };
    expect(raw.request.headers[0]).toEqual([':request', 'POST https://openrouter.ai/api/v1/chat/completions']);
    expect(raw.response.body).toContain('data: [DONE]');
    expect(markupOnly(page)).not.toContain('data: [DONE]');
  });

  it('puts lint findings next to their interaction', () => {
    const p = renderShowHtml(report(HOSTILE_CASSETTE, 'hostile.yaml'));
    const card = /<article [^>]*id="c0-i0"[\s\S]*?<\/article>/.exec(p)?.[0] ?? '';
    expect(card).toContain('<ul class="findings"><li class="error"><b>error</b> request body holds a credential: openrouter-key sk-o…(73 chars) <span class="rule">secret-body · line 6</span></li>');
  });

  it('previews a call that is not an LLM API as show does (pretty JSON)', () => {
    const p = renderShowHtml(sample('go-vcr-v1/http-json-api.yaml'));
    expect(p).toContain('<section class="plain"><h3>request <span class="muted">application/json · 0 B</span></h3><h3>response');
    expect(p).toContain('<pre>{\n  &quot;tag_name&quot;: &quot;v4.0.4&quot;,');
  });

  it('inlines a validated request image as a data: URL', () => {
    const p = renderShowHtml(sample('go-vcr-v2/openai-chat-image-input.yaml'));
    expect(p).toMatch(/<img src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+" alt="image: image\/png, 0 KB inline">/);
  });
});

describe('renderShowHtml: untrusted text', () => {
  const page = renderShowHtml(report(HOSTILE_CASSETTE, 'hostile.yaml'));
  const markup = markupOnly(page);

  it('has exactly one executable script and one style, both named in the CSP by hash', () => {
    const scripts = page.match(/<script[^>]*>/g) ?? [];
    expect(scripts.filter((s) => s === '<script>')).toHaveLength(1);
    expect(scripts.every((s) => s === '<script>' || /^<script type="application\/json" id="raw-c0-i\d+">$/.test(s))).toBe(true);
    const sha = (text: string) => createHash('sha256').update(text).digest('base64');
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]?.replaceAll('&#39;', "'") ?? '';
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${sha(style)}'; script-src 'sha256-${sha(script)}'; img-src data:; base-uri 'none'; form-action 'none'`);
  });

  it('writes no tag, attribute or link from the cassette', () => {
    expect(markup).not.toMatch(/<(script|svg onload|img src=x|a id="evil")/i);
    // Every real tag (a literal `<`, not `&lt;`) is well formed, with double-quoted values and no event handler.
    const tags = [...markup.matchAll(/<([a-z][\w-]*)((?:\s+[\w-]+(?:="[^"<]*")?)*)\s*>/gi)];
    expect(tags.length).toBe(markup.match(/<[a-z]/gi)?.length);
    const attributes = tags.flatMap((t) => [...t[2]!.matchAll(/([\w-]+)(?:="[^"]*")?/g)].map((a) => a[1]!.toLowerCase()));
    expect(attributes.filter((a) => a.startsWith('on'))).toEqual([]);
    expect(markup).not.toMatch(/href="javascript:/i);
    // Every href is an anchor of the page itself.
    expect([...markup.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    expect(markup).toContain('&lt;script&gt;window.__pwned=&quot;user&quot;&lt;/script&gt;');
    expect(markup).toContain('[click me](javascript:window.__pwned=&#39;md&#39;)');
  });

  it('inlines no SVG and no image whose bytes are not what it claims', () => {
    expect(markup).not.toMatch(/<img /);
    expect(markup).toContain('[image: image/svg+xml');
  });

  it('cannot close a raw JSON block early', () => {
    for (const block of page.matchAll(/<script type="application\/json" id="[^"]+">([\s\S]*?)<\/script>/g)) {
      expect(block[1]).not.toContain('<');
      expect(() => JSON.parse(block[1]!)).not.toThrow();
    }
  });

  it('masks secrets in headers, URLs and text unless asked not to', () => {
    expect(page).not.toContain(HOSTILE_KEY);
    expect(page).toMatch(/sk-o…\(\d+ chars\)/);
    expect(renderShowHtml(report(HOSTILE_CASSETTE, 'hostile.yaml'), { mask: false })).toContain(HOSTILE_KEY);
  });
});
