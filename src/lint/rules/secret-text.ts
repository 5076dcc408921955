import { patternSecrets, findSecrets } from '../../secrets/detect.js';
import { maskSecret } from '../../secrets/mask.js';
import type { Interaction } from '../../model/types.js';
import type { Rule, RuleReport } from '../types.js';
import { unsearchedRanges } from '../searched-bodies.js';
import { PLACEHOLDER, redactions } from './secrets.js';

/** The values the other secret rules report for `i`, and the key shapes inside them. */
function knownSecrets(i: Interaction): Set<string> {
  const known = new Set<string>();
  for (const s of findSecrets(i)) {
    known.add(s.value);
    for (const inner of patternSecrets(s.value)) known.add(inner.value);
  }
  return known;
}

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
    // Indexed loops, no destructuring: no iterators where TurboFan is off (large YAML files).
    const interactions = cassette.interactions;
    for (let n = 0; n < interactions.length; n++) {
      const i = interactions[n]!;
      // What the other secret rules already report, and the key shapes inside those values: made
      // only once a key shape turns up here (most interactions have none outside their fields).
      let known: Set<string> | undefined;
      const span = ctx.span(i);
      let seen: Set<string> | undefined;
      // In order: a value is reported once, at its first place.
      const ranges = unsearchedRanges(cassette, i, span);
      for (let r = 0; r < ranges.length; r++) {
        const shapes = patternSecrets(span.text.slice(ranges[r]![0], ranges[r]![1]));
        for (let k = 0; k < shapes.length; k++) {
          const s = shapes[k]!;
          known ??= knownSecrets(i);
          if (known.has(s.value) || seen?.has(s.value)) continue;
          (seen ??= new Set()).add(s.value);
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
