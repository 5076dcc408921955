import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonForScript, SafeHtml } from '../../src/render/html/escape.js';
import { imageDataUrl } from '../../src/render/html/media.js';

describe('escapeHtml', () => {
  it.each([
    ['plain text', 'plain text'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror="alert(1)">', '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'],
    ["' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['a & b &amp; c', 'a &amp; b &amp;amp; c'],
    ['[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['--><!--', '--&gt;&lt;!--'],
    ['line\nbreak\ttab', 'line\nbreak\ttab'],
    ['esc \u001b[31mred', 'esc \\x1b[31mred'],
    ['bidi \u202egnp.exe', 'bidi \\u202egnp.exe'],
    ['nul \u0000', 'nul \\x00'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('html template tag', () => {
  it('escapes interpolated strings and keeps literal markup', () => {
    expect(html`<b title="${'"x"'}">${'<i>'}</b>`.value).toBe('<b title="&quot;x&quot;">&lt;i&gt;</b>');
  });

  it('keeps nested fragments, joins arrays and drops empty slots', () => {
    const inner = html`<i>${'&'}</i>`;
    expect(html`${[inner, '<', 3]}${undefined}${null}${false}${true}${''}`.value).toBe('<i>&amp;</i>&lt;3');
  });

  it('does not trust a string that merely looks like markup', () => {
    expect(html`${'<b>bold</b>'}`).toBeInstanceOf(SafeHtml);
    expect(html`${'<b>bold</b>'}`.value).toBe('&lt;b&gt;bold&lt;/b&gt;');
  });
});

describe('jsonForScript', () => {
  it.each([
    ['</script><script>alert(1)</script>'],
    ['<!-- <script>'],
    ['a & b > c'],
    ['line\u2028sep\u2029para'],
    ['lone \ud800 surrogate'],
  ])('%j cannot end or change its script block and parses back', (text) => {
    const json = jsonForScript({ text });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ text })));
  });
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1]).toString('base64');
const GIF = Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000', 'latin1').toString('base64');
const WEBP = Buffer.from('RIFF\u0024\u0000\u0000\u0000WEBPVP8 ', 'latin1').toString('base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>').toString('base64');

describe('imageDataUrl', () => {
  it.each([
    ['png declared png', 'image/png', PNG, `data:image/png;base64,${PNG}`],
    ['png undeclared (Ollama)', undefined, PNG, `data:image/png;base64,${PNG}`],
    ['jpeg declared image/jpg', 'image/jpg', JPEG, `data:image/jpeg;base64,${JPEG}`],
    ['gif', 'image/gif', GIF, `data:image/gif;base64,${GIF}`],
    ['webp', 'IMAGE/WEBP', WEBP, `data:image/webp;base64,${WEBP}`],
    ['base64 wrapped over lines', 'image/png', `${PNG.slice(0, 20)}\n${PNG.slice(20)}`, `data:image/png;base64,${PNG}`],
    ['svg is never inlined', 'image/svg+xml', SVG, undefined],
    ['svg labelled png', 'image/png', SVG, undefined],
    ['png labelled jpeg', 'image/jpeg', PNG, undefined],
    ['not base64', 'image/png', `${PNG.slice(0, 20)}"><script>`, undefined],
    ['too short', 'image/png', 'iVBO', undefined],
    ['empty', 'image/png', '', undefined],
  ])('%s', (_name, mediaType, base64, expected) => {
    expect(imageDataUrl({ mediaType, base64 })).toBe(expected);
  });
});
