import type { Cassette, Interaction } from '../model/types.js';
import { scalarSpans } from '../source/scalar-spans.js';
import { lintFastPaths } from './fast-paths.js';
import { valueAt } from './rules/shared.js';
import type { TextSpan } from './types.js';

/**
 * The ranges `[start, end)` of `span` that secret-text must search for key shapes itself: all of it
 * but the scalars its request and response bodies were read from, when the simple YAML reader
 * read them (a multi-line single-quoted or literal block scalar, see ScalarSpan). findSecrets
 * searched those bodies whole, and such a scalar's text holds the same key shapes as the body:
 * it differs only by line breaks, indentation and `''`, which no key shape holds and which end a
 * key (or a base64 run) as the body's spaces and line breaks do. Each scalar left out starts and
 * ends with a space, a line break or a quote, so a key in the text around it is cut the same.
 * On VCR.py's and go-vcr's large bodies this is most of the text (10 MiB files: ~190 M instructions).
 */
export function unsearchedRanges(cassette: Cassette, i: Interaction, span: TextSpan): [number, number][] {
  const all: [number, number][] = [[span.start, span.end]];
  if (!lintFastPaths.searchedBodies) return all;
  const spans = scalarSpans(valueAt(cassette.data, i.docPath), span.text);
  if (!spans) return all;
  const request = i.request.body.text || undefined;
  const response = i.response?.body.text || undefined;
  const out: [number, number][] = [];
  let from = span.start;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (s.start < from || s.end > span.end || (s.value !== request && s.value !== response)) continue;
    if (!isSeparator(span.text.charCodeAt(s.start)) || !isSeparator(span.text.charCodeAt(s.end - 1))) continue;
    if (s.start > from) out.push([from, s.start]);
    from = s.end;
  }
  if (from < span.end) out.push([from, span.end]);
  return out;
}

/** A space, a line break or a single quote: no key shape holds one, and none is a base64 character. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 10 || c === 39;
}
