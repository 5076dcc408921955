import { patternSecrets, findSecrets } from '../../secrets/detect.js';
import { maskSecret } from '../../secrets/mask.js';
import type { Rule, RuleReport } from '../types.js';
import { unsearchedRanges } from '../searched-bodies.js';
import { PLACEHOLDER, redactions } from './secrets.js';

/**
 * The interaction's own text, not only the fields read from it: a parser keeps the last of two
 * duplicate keys (two `Authorization:` entries in one YAML mapping, a repeated JSON key) and drops
 * comments, but the key is still in the file and in the repository. Searching each interaction's
 * span keeps the rule linear in the file when lint streams.
 */
export const secretText: Rule = {
  id: 'secret-text',
  defaultSeverity: 'error',
  category: 'secret',
  fixable: true,
  description: 'a known key shape in the file that no field read from it holds: a duplicate key the parser dropped (two Authorization entries), a comment',
  check(ctx) {
    const { cassette } = ctx;
    const out: RuleReport[] = [];
    for (const i of cassette.interactions) {
      // What the other secret rules already report, and the key shapes inside those values.
      const known = new Set<string>();
      for (const s of findSecrets(i)) {
        known.add(s.value);
        for (const inner of patternSecrets(s.value)) known.add(inner.value);
      }
      const span = ctx.span(i);
      const seen = new Set<string>();
      // In order: a value is reported once, at its first place.
      for (const [start, end] of unsearchedRanges(cassette, i, span)) {
        for (const s of patternSecrets(span.text.slice(start, end))) {
          if (known.has(s.value) || seen.has(s.value)) continue;
          seen.add(s.value);
          const fix = redactions(span, s.value, cassette.format === 'httprr' && s.value.length >= PLACEHOLDER.length);
          out.push({
            message: `${s.kind} ${maskSecret(s.value)} in the file, in no field cassette reads (a duplicate key the parser dropped, or a comment)`,
            interaction: i.index,
            offset: fix[0]?.start,
            fix: fix.length > 0 ? fix : undefined,
          });
        }
      }
    }
    return out;
  },
};
