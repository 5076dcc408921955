import { tryJson } from './json.js';

export interface NdjsonLine {
  line: number;
  value?: unknown;
  error?: string;
  text: string;
}

/** Split a newline-delimited JSON stream; blank lines are skipped, bad lines kept with their error. */
export function parseNdjson(text: string): NdjsonLine[] {
  const out: NdjsonLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const parsed = tryJson(raw);
    out.push(parsed.ok ? { line: i + 1, value: parsed.value, text: raw } : { line: i + 1, error: parsed.error, text: raw });
  }
  return out;
}
