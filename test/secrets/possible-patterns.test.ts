import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AFTER_PREFIX, HINTS, possiblePatterns } from '../../src/secrets/patterns.js';

/** The sweep possiblePatterns replaced: one RegExp of every prefix, longest first, tried from each character. */
function oracle(text: string): Map<string, number[]> {
  const entries = Object.entries(HINTS);
  const all = new RegExp(
    [...new Set(entries.flatMap(([, hints]) => hints))]
      .sort((a, b) => b.length - a.length)
      .map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  const hints = new Map<string, number[]>();
  for (let m = all.exec(text); m; m = all.exec(text)) {
    for (const [id, prefixes] of entries) {
      for (const prefix of prefixes) {
        const at = m[0].indexOf(prefix);
        if (at === -1) continue;
        const start = m.index + at + (AFTER_PREFIX.has(id) ? prefix.length : 0);
        hints.set(id, [...(hints.get(id) ?? []), start]);
        break;
      }
    }
    all.lastIndex = m.index + 1;
  }
  return hints;
}

const sorted = (map: ReadonlyMap<string, readonly number[]>) => [...map].sort(([a], [b]) => a.localeCompare(b));

// Text made of prefixes, their pieces and the characters around them, so that prefixes overlap, touch and nearly match.
const prefixes = [...new Set(Object.values(HINTS).flat())];
const piece = fc.oneof(
  fc.constantFrom(...prefixes),
  fc.constantFrom(...prefixes).chain((p) => fc.nat(p.length).map((n) => p.slice(0, n))),
  fc.constantFrom(...prefixes).chain((p) => fc.nat(p.length).map((n) => p.slice(n))),
  fc.constantFrom('-', '_', '.', 'z', 'K', 'S', 'J', 'A', 'x', 'a', 'I', ':', '/', ' ', '"', 'é', '\n'),
  fc.string({ maxLength: 4 }),
);

describe('possiblePatterns', () => {
  it('gives the offsets the one-RegExp sweep of every prefix gave', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(sorted(possiblePatterns(text))).toEqual(sorted(oracle(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds prefixes that share characters, start the text or end it', () => {
    for (const text of ['sk-ant-sk-or-sk-', 'AKIAIzaAIzaASIA', 'github_pat_ghp_gho_', 'xoxox', 'hooks.slack.com/services/', 'discordapp.com/api/webhooks/discord.com/api/webhooks/', '1:A:A', 'eyJeyJ', 'ya29.ya29.', 'gsk_sk_live_rk_live_']) {
      expect(sorted(possiblePatterns(text))).toEqual(sorted(oracle(text)));
    }
  });
});
