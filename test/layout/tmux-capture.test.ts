import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus.js';
import { type Capture, hasTmux, startTmux } from '../helpers/tmux.js';

// The human renderers in a real terminal: each command runs in a tmux pane of 80 and of 200
// columns, from the repository root, colour off; what the pane shows is kept as snapshot text in
// __snapshots__/tmux/ and no row may be the terminal wrapping a line. Refresh after an intended
// change of layout with `npm run build && npx vitest run test/layout/tmux-capture.test.ts -u`.
const CASES: { name: string; args: string[] }[] = [
  // Tool calls and their ids, long model names, a long path in the header.
  { name: 'show-tool-loop', args: ['show', 'samples/go-vcr-v2/openrouter-chat-stream-tool-loop.yaml'] },
  // Long URLs, error bodies, many providers.
  { name: 'show-mixed-prices', args: ['show', 'samples/go-vcr-v2/mixed-prices.yaml'] },
  // The cost table over a directory: long paths, long model names, unknown prices with reasons.
  { name: 'cost-go-vcr-v2', args: ['cost', 'samples/go-vcr-v2'] },
  { name: 'diff-two-files', args: ['diff', 'samples/nock/openai-chat.json', 'samples/vcrpy/openai-chat-parsed-body.yaml'] },
  { name: 'diff-tool-loop', args: ['diff', 'samples/go-vcr-v2/openrouter-chat-stream-tool-loop.yaml'] },
  { name: 'diff-stat-long-urls', args: ['diff', '--stat', 'samples/go-vcr-v2/mixed-prices.yaml'] },
  // Findings with long messages in the stylish layout.
  { name: 'lint-samples', args: ['lint', 'samples'] },
];
const WIDTHS = [80, 200];

if (!hasTmux) console.warn('[cassette tests] tmux not found (apt-get install tmux): the terminal layout snapshots are skipped');

describe.skipIf(!hasTmux)('terminal layout in tmux (capture-pane at 80 and 200 columns)', () => {
  const captures = new Map<string, Capture>();
  let stop = () => {};
  let home = '';

  beforeAll(async () => {
    const tmux = startTmux();
    stop = tmux.stop;
    home = mkdtempSync(join(tmpdir(), 'cassette-tmux-home-'));
    // A fixed environment, so the panes look the same on every machine.
    const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', TERM: 'tmux-256color', NO_COLOR: '1', TZ: 'UTC' };
    const runs = CASES.flatMap(({ name, args }) =>
      WIDTHS.map(async (columns) => captures.set(`${name}.${columns}`, await tmux.run([process.execPath, 'bin/cassette.js', ...args], { columns, cwd: ROOT, env }))),
    );
    await Promise.all(runs);
  });

  afterAll(() => {
    stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  for (const { name, args } of CASES) {
    for (const columns of WIDTHS) {
      it(`${columns} columns: cassette ${args.join(' ')}`, async () => {
        const capture = captures.get(`${name}.${columns}`)!;
        const header = `$ cassette ${args.join(' ')}    # ${columns} columns, exit ${capture.status}`;
        await expect([header, ...capture.rows].join('\n') + '\n').toMatchFileSnapshot(`./__snapshots__/tmux/${name}.${columns}.txt`);
        const long = capture.lines.filter((line) => stringWidth(line.trimEnd()) > columns);
        expect(capture.wrapped, `rows wrapped by the terminal at ${columns} columns:\n${long.join('\n')}`).toBe(0);
        expect(capture.rows.length).toBeGreaterThan(2);
      });
    }
  }
});
