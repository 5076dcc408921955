import type { CassetteDiff, SideTotals } from './types.js';

/** One changed cassette of a commit: how git sees it and how it differs in meaning. */
export interface FileDiff {
  path: string;
  status: 'added' | 'removed' | 'modified';
  /** The old path of a renamed cassette (status `modified`). */
  from?: string | undefined;
  diff: CassetteDiff;
}

/** How a file is named in every rendering: its path, or `old → new` for a rename. */
export const fileLabel = (f: Pick<FileDiff, 'path' | 'from'>): string => (f.from === undefined ? f.path : `${f.from} → ${f.path}`);

/** A change that several files share: `model changed: gpt-4o → gpt-4.1` in 23 files. */
export interface SharedChange {
  text: string;
  files: string[];
}

/** A commit (or the work tree) compared cassette by cassette, with totals first. */
export interface CommitDiff {
  files: FileDiff[];
  /** Changed files that are not cassettes (package.json, lock files, workflows): skipped, counted. */
  skipped: string[];
  totals: {
    /** `renamed` counts files also counted as changed or same in meaning. */
    files: { changed: number; added: number; removed: number; sameMeaning: number; renamed: number };
    interactions: { changed: number; added: number; removed: number; unchanged: number };
    before: SideTotals;
    after: SideTotals;
  };
  /** Changes found in two or more files, most common first. */
  shared: SharedChange[];
  different: boolean;
}

const add = (a: SideTotals, b: SideTotals | undefined): SideTotals => ({
  inputTokens: a.inputTokens + (b?.inputTokens ?? 0),
  outputTokens: a.outputTokens + (b?.outputTokens ?? 0),
  cost: a.cost === null && (b?.cost ?? null) === null ? null : (a.cost ?? 0) + (b?.cost ?? 0),
});

/** The lines that describe a file's changes, each once. */
export function fileChangeLines(diff: CassetteDiff): string[] {
  const lines = new Set<string>();
  for (const d of diff.interactions) {
    if (d.status === 'changed') for (const l of [...(d.request?.summary ?? []), ...(d.response?.summary ?? [])]) lines.add(l.text);
  }
  return [...lines];
}

/**
 * Totals over a commit's cassettes (files changed/added/removed, interactions, tokens, cost)
 * and the changes that repeat across files, so a 500-file re-record reads as a few lines.
 */
export function summarizeCommit(files: readonly FileDiff[], skipped: readonly string[]): CommitDiff {
  const totals: CommitDiff['totals'] = {
    files: { changed: 0, added: 0, removed: 0, sameMeaning: 0, renamed: 0 },
    interactions: { changed: 0, added: 0, removed: 0, unchanged: 0 },
    before: { inputTokens: 0, outputTokens: 0, cost: null },
    after: { inputTokens: 0, outputTokens: 0, cost: null },
  };
  const byText = new Map<string, string[]>();
  for (const f of files) {
    if (f.status === 'added') totals.files.added++;
    else if (f.status === 'removed') totals.files.removed++;
    else if (f.diff.different) totals.files.changed++;
    else totals.files.sameMeaning++;
    if (f.from !== undefined) totals.files.renamed++;
    for (const d of f.diff.interactions) totals.interactions[d.status === 'same' ? 'unchanged' : d.status]++;
    totals.before = add(totals.before, f.diff.totals?.before);
    totals.after = add(totals.after, f.diff.totals?.after);
    if (f.status === 'modified') for (const text of fileChangeLines(f.diff)) byText.set(text, [...(byText.get(text) ?? []), fileLabel(f)]);
  }
  const shared = [...byText]
    .filter(([, paths]) => paths.length >= 2)
    .map(([text, paths]) => ({ text, files: paths }))
    .sort((a, b) => b.files.length - a.files.length || (a.text < b.text ? -1 : 1));
  return { files: [...files], skipped: [...skipped], totals, shared, different: files.some((f) => f.diff.different) };
}
