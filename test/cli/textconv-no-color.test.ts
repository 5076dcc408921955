import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

// git configs and wrapper scripts pass one flag set to every command; textconv never colours, so
// --no-color (and --color=never) must be accepted and change nothing, not fail as an unknown option.
describe('textconv --no-color', () => {
  const file = 'samples/nock/openai-chat.json';
  it('prints the same rendering as without the flag, exit 0', () => {
    const plain = cli(['textconv', file]);
    expect(plain.status).toBe(0);
    for (const flag of ['--no-color', '--color=never']) {
      const flagged = cli(['textconv', flag, file]);
      expect(flagged.stderr, flag).toBe('');
      expect(flagged.status, flag).toBe(0);
      expect(flagged.stdout, flag).toBe(plain.stdout);
    }
  });
});
