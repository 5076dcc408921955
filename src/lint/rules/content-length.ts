import type { Rule, RuleReport, TextEdit, TextSpan } from '../types.js';
import { perInteraction, valueAt } from './shared.js';

/** The number's offsets in the file, from its source position, for `--fix`; read in the interaction's own text. */
function numberEdit(span: TextSpan, offset: number | undefined, replacement: number): TextEdit[] | undefined {
  if (offset === undefined) return undefined;
  const start = offset - span.offset;
  const m = /^-?\d+/.exec(span.text.slice(start, start + 24));
  return m ? [{ start: offset, end: offset + m[0].length, replacement: String(replacement) }] : undefined;
}

/**
 * What a replay breaks. Response: go-vcr hands `content_length` to the client as `Response.ContentLength`,
 * so a number that disagrees with the body makes clients that trust it truncate or wait (error); 0 and -1
 * mean unknown, and a HEAD or 304 response declares a length it never sends. Request: go-vcr never sends
 * it; only go-vcr's default matcher compares it with the live request's length, so a mismatch makes the
 * interaction unmatchable there (warning); 0 with a body is how Go records an unknown length.
 */
export const contentLength: Rule = {
  id: 'content-length',
  defaultSeverity: 'error',
  category: 'schema',
  fixable: true,
  description: 'go-vcr `content_length` differs from the body’s byte length (0 and -1 mean unknown; a request mismatch only warns)',
  check(ctx) {
    if (ctx.cassette.format !== 'go-vcr-v2') return [];
    return perInteraction(ctx, (i) => {
      const out: Omit<RuleReport, 'interaction'>[] = [];
      for (const side of ['request', 'response'] as const) {
        const message = side === 'request' ? i.request : i.response;
        if (!message) continue;
        const path = [...i.docPath, side, 'content_length'];
        const declared = valueAt(ctx.cassette.data, path);
        if (typeof declared !== 'number' || declared === -1 || declared === 0) continue;
        if (side === 'response' && (i.request.method?.toUpperCase() === 'HEAD' || i.response?.status === 304)) continue;
        // go-vcr stores the decoded body; a compressed transfer leaves the wire length behind.
        if (valueAt(ctx.cassette.data, [...i.docPath, side, 'uncompressed']) === true) continue;
        const raw = valueAt(ctx.cassette.data, [...i.docPath, side, 'body']);
        const actual = typeof raw === 'string' ? Buffer.byteLength(raw) : raw instanceof Uint8Array ? raw.length : 0;
        if (declared === actual) continue;
        const pos = ctx.cassette.locate(path);
        out.push({
          message:
            side === 'request'
              ? `request content_length ${declared} but the body has ${actual} bytes: go-vcr's default matcher compares it with the live request, so only a custom matcher replays this interaction`
              : `response content_length ${declared} but the body has ${actual} bytes: a replayed client reads a wrong Content-Length`,
          severity: side === 'request' ? 'warn' : undefined,
          field: `${side}.content_length`,
          path,
          fix: pos ? numberEdit(ctx.span(i), pos.offset, actual) : undefined,
        });
      }
      return out;
    });
  },
};
