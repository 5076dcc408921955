import { sanitize } from '../text/sanitize.js';
import { clipText } from '../secrets/clip.js';

/** `1.23s`, `816ms`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)}s`;
  return `${Math.round(ms)}ms`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * USD for JSON: a float sum picks up noise (0.00007500000000000001, 0.30000000000000004); 12
 * decimals is far below a cent and keeps every price per token. Null stays null.
 */
export function roundUsd<T extends number | null | undefined>(usd: T): T {
  return (typeof usd === 'number' ? Math.round(usd * 1e12) / 1e12 : usd) as T;
}

/**
 * USD as people read it, the same in every renderer (show, cost, diff, HTML): `$0`, `$1.2345`
 * (4 decimals from a cent up), `$0.00001258` (up to 8 decimals below a cent, trailing zeros cut),
 * `<$0.00000001` for a cost that is not zero but rounds to it. Empty for undefined.
 */
export function formatUsd(usd: number | undefined): string {
  if (usd === undefined) return '';
  if (usd === 0) return '$0';
  // The sign before the currency symbol (-$0.5000), as at every size: `$-0.5000` read as a typo.
  if (usd < 0) return `-${formatUsd(-usd)}`;
  if (usd >= 0.01) return `$${usd.toFixed(4)}`;
  const fixed = trimZeros(usd.toFixed(8));
  if (fixed === '0') return '<$0.00000001';
  return `$${fixed}`;
}

/** Wrap text to `width` columns with a hanging indent; sanitised. */
export function wrap(text: string, width: number, indent: string): string {
  const max = Math.max(20, width - indent.length);
  const out: string[] = [];
  for (const raw of sanitize(text).split('\n')) {
    let line = raw;
    while (line.length > max) {
      let cut = line.lastIndexOf(' ', max);
      if (cut <= max / 3) cut = max;
      // A break at a run of spaces leaves none at the end of the row.
      out.push(line.slice(0, cut).trimEnd());
      line = line.slice(cut).replace(/^ /, '');
    }
    out.push(line);
  }
  // An empty line stays empty: the indent alone would be trailing blanks.
  return out.map((l) => (l === '' ? '' : indent + l)).join('\n');
}

/** Shorten long text to a few lines unless `full`. */
export function shorten(text: string, full: boolean, maxChars = 600, maxLines = 8): { text: string; cut: number } {
  if (full) return { text, cut: 0 };
  let end = Math.min(text.length, maxChars);
  let lines = 0;
  for (let i = 0; i < end; i++) {
    if (text[i] === '\n' && ++lines >= maxLines) {
      end = i;
      break;
    }
  }
  if (end >= text.length) return { text, cut: 0 };
  const kept = clipText(text, end);
  return { text: kept, cut: text.length - kept.length };
}

/** Pretty JSON for a value, two-space indented. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** `text.replace(/\.?0+$/, '')`, without a RegExp to compile on every run: trailing zeros and the point before them. */
function trimZeros(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 48) end--;
  if (end < text.length && text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end);
}
