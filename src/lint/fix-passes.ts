import type { CassetteStream } from '../load.js';
import { fixesOf } from './fix.js';
import { fixCassetteBytes, type CassetteFix } from './fix-bytes.js';
import type { Finding } from './types.js';

/** ESLint's limit: fixes that keep making new fixes stop after this many passes. */
export const MAX_FIX_PASSES = 10;

/** What fixing one cassette until it is stable gives. */
export interface SettledFix {
  /** The fixed file's bytes and the patch from the first text to the last; undefined when nothing was fixable. */
  fix: CassetteFix | undefined;
  /** The findings of the fixed file (of the file as read when nothing was fixed). */
  findings: Finding[];
  /** The findings of the file as read. */
  first: Finding[];
  /** The stream the findings are of. */
  stream: CassetteStream;
  /** Passes that changed the file (0 to MAX_FIX_PASSES). */
  passes: number;
  /** Problems fixed: the findings with a fix in each pass that changed the file. */
  fixedProblems: number;
}

/**
 * Apply fixes in passes until no fix is left, as ESLint does: one rule's fix can make another's
 * necessary (redacting a secret in a go-vcr body changes the byte length that `content_length`
 * must state), and one `--fix` must leave nothing that a second `--fix` would change.
 *
 * `lint(stream, size)` runs the rules; `open(bytes)` reads fixed bytes back as a cassette (the
 * same recorder format). Stops after MAX_FIX_PASSES passes or when a pass changes no byte.
 */
export function fixUntilStable(bytes: Uint8Array, stream: CassetteStream, lint: (stream: CassetteStream, size: number) => Finding[], open: (bytes: Uint8Array) => CassetteStream): SettledFix {
  const first = lint(stream, bytes.length);
  let findings = first;
  let current = { bytes, stream };
  let fix: CassetteFix | undefined;
  let passes = 0;
  let fixedProblems = 0;
  for (; passes < MAX_FIX_PASSES; passes++) {
    const edits = fixesOf(findings);
    if (edits.length === 0) break;
    const { cassette } = current.stream;
    const next = fixCassetteBytes(current.bytes, cassette.text, cassette.gzipped, edits);
    if (Buffer.compare(next.bytes, current.bytes) === 0 || next.after === cassette.text) break;
    // The patch runs from the file as read (its secrets masked) to the last pass's text.
    fix = { bytes: next.bytes, before: fix?.before ?? next.before, after: next.after };
    fixedProblems += findings.filter((f) => f.fix !== undefined && f.fix.length > 0).length;
    current = { bytes: next.bytes, stream: open(next.bytes) };
    findings = lint(current.stream, next.bytes.length);
  }
  return { fix, findings, first, stream: current.stream, passes, fixedProblems };
}
