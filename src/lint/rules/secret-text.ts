import { patternSecrets, redactForMessage, findSecrets } from '../../secrets/detect.js';
import type { Rule, RuleReport } from '../types.js';
import { PLACEHOLDER, redactions } from './secrets.js';

/**
 * The file's text, not only the fields read from it: a parser keeps the last of two duplicate keys
 * (two `Authorization:` entries in one YAML mapping, a repeated JSON key) and drops comments, but
 * the key is still in the file and in the repository.
 */
export const secretText: Rule = {
  id: 'secret-text',
  defaultSeverity: 'error',
  category: 'secret',
  fixable: true,
  description: 'a known key shape in the file that no field read from it holds: a duplicate key the parser dropped (two Authorization entries), a comment',
  check(ctx) {
    const { cassette } = ctx;
    // What the other secret rules already report, and the key shapes inside those values.
    const known = new Set<string>();
    for (const i of cassette.interactions) {
      for (const s of findSecrets(i)) {
        known.add(s.value);
        for (const inner of patternSecrets(s.value)) known.add(inner.value);
      }
    }
    const out: RuleReport[] = [];
    for (const s of patternSecrets(cassette.text)) {
      if (known.has(s.value)) continue;
      const fix = redactions(cassette.text, s.value, cassette.format === 'httprr' && s.value.length >= PLACEHOLDER.length);
      out.push({
        message: `${s.kind} ${redactForMessage(s.value)} in the file, in no field cassette reads (a duplicate key the parser dropped, or a comment)`,
        offset: fix[0]?.start,
        fix: fix.length > 0 ? fix : undefined,
      });
    }
    return out;
  },
};
