import { UsageError } from '../model/errors.js';
import { findingKey, fingerprint, type FindingKey } from './fingerprint.js';
import type { Finding } from './types.js';

/** One baselined kind of finding and how many of it were there when the baseline was written. */
export interface BaselineEntry extends FindingKey {
  fingerprint: string;
  count: number;
}

/**
 * The findings a team accepted when it adopted lint (`--write-baseline FILE`); `--baseline FILE` then
 * reports only findings beyond them. Written as sorted, indented JSON so it diffs well in review.
 */
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

/** A baseline of every finding in `files` (path relative to the baseline's folder, findings). */
export function buildBaseline(files: readonly { file: string; findings: readonly Finding[] }[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const { file, findings } of files) {
    for (const finding of findings) {
      const key = findingKey(finding, file);
      const id = fingerprint(key);
      const entry = entries.get(id);
      if (entry) entry.count++;
      else entries.set(id, { fingerprint: id, ...key, count: 1 });
    }
  }
  const findings = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.request.localeCompare(b.request) || a.field.localeCompare(b.field));
  return { version: 1, findings };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Read a baseline file's text; a malformed one is a usage error naming the file. */
export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source}: baseline is not JSON (${(error as Error).message})`);
  }
  const d = data as Partial<Baseline> | null;
  if (!d || typeof d !== 'object' || d.version !== 1 || !Array.isArray(d.findings)) throw new UsageError(`${source}: not a cassette lint baseline (expected {"version": 1, "findings": [...]}, written by --write-baseline)`);
  for (const [i, e] of d.findings.entries()) {
    if (!e || typeof e.fingerprint !== 'string' || !Number.isInteger(e.count) || e.count < 1) throw new UsageError(`${source}: findings[${i}] needs a fingerprint and a positive count`);
  }
  return d as Baseline;
}

/**
 * Tracks what a baseline still allows while files are linted: each fingerprint absorbs up to its
 * count of findings; the rest are new. `unused()` is what the baseline holds that no longer occurs.
 */
export class BaselineFilter {
  private readonly left = new Map<string, number>();

  constructor(baseline: Baseline) {
    for (const e of baseline.findings) this.left.set(e.fingerprint, (this.left.get(e.fingerprint) ?? 0) + e.count);
  }

  /** The findings of one file that the baseline does not cover, and how many it covered. */
  filter(file: string, findings: readonly Finding[]): { kept: Finding[]; suppressed: number } {
    const kept: Finding[] = [];
    let suppressed = 0;
    for (const finding of findings) {
      const id = fingerprint(findingKey(finding, file));
      const n = this.left.get(id) ?? 0;
      if (n > 0) {
        this.left.set(id, n - 1);
        suppressed++;
      } else kept.push(finding);
    }
    return { kept, suppressed };
  }

  /** How many baselined findings were not seen (fixed, or their file was not linted this run). */
  unused(): number {
    let n = 0;
    for (const count of this.left.values()) n += count;
    return n;
  }
}
