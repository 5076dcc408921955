import type { Rule, RuleReport, TextEdit } from '../types.js';
import { perInteraction, valueAt } from './shared.js';

/** The number's offsets in the file, from its source position, for `--fix`. */
function numberEdit(text: string, line: number, column: number, replacement: number): TextEdit[] | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    offset = text.indexOf('\n', offset) + 1;
    if (offset === 0) return undefined;
  }
  const start = offset + column - 1;
  const m = /^-?\d+/.exec(text.slice(start, start + 24));
  return m ? [{ start, end: start + m[0].length, replacement: String(replacement) }] : undefined;
}

export const contentLength: Rule = {
  id: 'content-length',
  defaultSeverity: 'error',
  category: 'schema',
  fixable: true,
  description: 'go-vcr `content_length` differs from the body’s byte length (-1 means unknown; 0 is allowed for a stream)',
  check(ctx) {
    if (ctx.cassette.format !== 'go-vcr-v2') return [];
    return perInteraction(ctx, (i) => {
      const out: Omit<RuleReport, 'interaction'>[] = [];
      for (const side of ['request', 'response'] as const) {
        const message = side === 'request' ? i.request : i.response;
        if (!message) continue;
        const path = [...i.docPath, side, 'content_length'];
        const declared = valueAt(ctx.cassette.data, path);
        if (typeof declared !== 'number' || declared === -1) continue;
        // go-vcr stores the decoded body; a compressed transfer leaves the wire length behind.
        if (valueAt(ctx.cassette.data, [...i.docPath, side, 'uncompressed']) === true) continue;
        const raw = valueAt(ctx.cassette.data, [...i.docPath, side, 'body']);
        const actual = typeof raw === 'string' ? Buffer.byteLength(raw) : raw instanceof Uint8Array ? raw.length : 0;
        if (declared === actual || (declared === 0 && side === 'response')) continue;
        const pos = ctx.cassette.locate(path);
        out.push({ message: `${side} content_length ${declared} but the body has ${actual} bytes`, path, fix: pos ? numberEdit(ctx.cassette.text, pos.line, pos.column, actual) : undefined });
      }
      return out;
    });
  },
};
