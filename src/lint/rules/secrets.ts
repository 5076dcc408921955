import { findSecrets, type FoundSecret } from '../../secrets/detect.js';
import { escapeRegExp } from '../../secrets/patterns.js';
import { maskSecret } from '../../secrets/mask.js';
import type { Interaction } from '../../model/types.js';
import { detach } from '../../text/detach.js';
import { decodeUriComponentSafe } from '../../text/uri.js';
import type { RuleContext, RuleReport, TextEdit, TextSpan } from '../types.js';

/** What every redacted secret becomes: a stable placeholder that lint itself accepts. */
export const PLACEHOLDER = 'REDACTED';

/**
 * Every occurrence of the secret in the interaction's own text, replaced; none when it is stored
 * encoded (base64, gzip). Searching only there keeps lint linear in the file and puts each
 * finding on its own interaction. httprr records byte lengths, so there the placeholder keeps the
 * secret's length.
 */
export function redactions(span: TextSpan, value: string, sameLength: boolean): TextEdit[] {
  const replacement = sameLength && value.length > PLACEHOLDER.length ? PLACEHOLDER + 'x'.repeat(value.length - PLACEHOLDER.length) : PLACEHOLDER;
  const edits: TextEdit[] = [];
  // Kept in every edit for masking (see TextEdit.original), detached from the interaction's text.
  const original = detach(value);
  const { text, offset, start, end } = span;
  const find = (needle: string) => {
    for (let at = text.indexOf(needle, start); at >= 0 && at + needle.length <= end; at = text.indexOf(needle, at + needle.length)) {
      edits.push(Object.defineProperty({ start: offset + at, end: offset + at + needle.length, replacement, secret: true }, 'original', { value: original, enumerable: false }));
    }
  };
  find(value);
  // A body made from form fields (go-vcr `form`, HAR params) is read percent-encoded; the file holds each value decoded.
  if (edits.length === 0 && value.includes('%')) {
    const decoded = decodeUriComponentSafe(value);
    if (decoded !== value) find(decoded);
  }
  return edits;
}

/** Findings for one kind of secret location; the three secret rules differ only in `where`. */
export function secretReports(ctx: RuleContext, where: FoundSecret['where'], describe: (s: FoundSecret) => string): RuleReport[] {
  const out: RuleReport[] = [];
  // Made at the first secret: most calls (three rules, each interaction) have none. Indexed loops:
  // no iterators where TurboFan is off (large YAML files).
  let seen: Set<string> | undefined;
  const interactions = ctx.cassette.interactions;
  for (let n = 0; n < interactions.length; n++) {
    const i = interactions[n]!;
    const found = findSecrets(i);
    for (let k = 0; k < found.length; k++) {
      const s = found[k]!;
      if (s.where !== where) continue;
      const key = `${i.index}\u0000${s.value}`;
      if (seen?.has(key)) continue;
      (seen ??= new Set()).add(key);
      const fix = redactions(ctx.span(i), s.value, ctx.cassette.format === 'httprr' && s.value.length >= PLACEHOLDER.length);
      out.push({
        message: `${describe(s)}: ${s.kind} ${maskSecret(s.value)}${fix.length === 0 ? ' (stored encoded: redact it by re-recording)' : ''}`,
        severity: s.uncertain ? 'warn' : undefined,
        field: `${s.side}.${s.where === 'body' ? 'body' : s.where === 'url' ? `url.${s.field}` : `headers.${s.field.toLowerCase()}`}${s.cookie ? `.${s.cookie}` : ''}`,
        interaction: i.index,
        offset: ownOffset(ctx, i, s, fix),
        path: fieldPath(i, s),
        fix: fix.length > 0 ? fix : undefined,
      });
    }
  }
  return out;
}

/**
 * Where the finding points: the occurrence inside its own field. Every occurrence is redacted, but a
 * key in both the body and a header must be reported at the body for secret-body and at the header
 * for secret-header. Only a value found more than once needs the field's position (it parses).
 */
function ownOffset(ctx: RuleContext, i: Interaction, s: FoundSecret, fix: readonly TextEdit[]): number | undefined {
  if (fix.length < 2) return fix[0]?.start;
  const path = fieldPath(i, s);
  let from = path ? ctx.cassette.locate(path)?.offset : undefined;
  if (from === undefined) return fix[0]!.start;
  if (s.where === 'header') {
    // The header's own name after the headers' start: a second header with the same value is not this one.
    const { text, offset } = ctx.span(i);
    const name = new RegExp(escapeRegExp(s.field), 'gi');
    name.lastIndex = Math.max(0, from - offset);
    const at = name.exec(text);
    if (at) from = offset + at.index;
  }
  return (fix.find((e) => e.start >= from) ?? fix[0]!).start;
}

function fieldPath(i: Interaction, s: FoundSecret) {
  if (s.where === 'url') return i.fieldPaths['request.url'];
  if (s.where === 'header') return i.fieldPaths[s.side === 'request' ? 'request.headers' : 'response.headers'];
  return i.fieldPaths[s.side === 'request' ? 'request.body' : 'response.body'];
}
