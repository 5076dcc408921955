import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../src/cli/capture.js';
import { diffWithin } from '../../src/diff/compare.js';
import { renderDiffText } from '../../src/diff/render/text.js';
import { loadCassette } from '../../src/load.js';
import { PLAIN } from '../../src/render/palette.js';
import { SAMPLES } from '../helpers/corpus.js';

// diff FILE writes each step as it is made (src/cli/commands/diff.ts): its output must be the text
// renderDiffText gives for the whole diff, and a file that breaks midway shows the steps before it.

const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

/** What diff FILE printed before it streamed: the whole diff made, then rendered. */
function wholeText(path: string, flags: { patch?: boolean; showNoise?: boolean; from?: number; to?: number }): string {
  const cassette = loadCassette(readFileSync(path), path);
  const diff = diffWithin(cassette, { showNoise: flags.showNoise, texts: flags.patch !== false, from: flags.from, to: flags.to });
  return renderDiffText(diff, { palette: PLAIN, patch: flags.patch !== false, showNoise: flags.showNoise });
}

const dir = mkdtempSync(join(tmpdir(), 'cassette-diff-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A nock cassette of four calls, each asking one more message, the third one's status broken when `broken`. */
function fourCalls(broken: boolean): string {
  const one = (JSON.parse(readFileSync(join(SAMPLES, 'nock/openai-chat.json'), 'utf8')) as { body: { messages: unknown[] } }[])[0]!;
  const items = [0, 1, 2, 3].map((i) => JSON.stringify({ ...one, body: { ...one.body, messages: [...one.body.messages, { role: 'user', content: `turn ${i}` }] } }, null, 2));
  if (broken) items[2] = items[2]!.replace('"status": 200', '"status": 2x00');
  return `[\n${items.join(',\n')}\n]\n`;
}

describe('diff FILE streams its text', () => {
  const samples = files(SAMPLES).filter((f) => !f.endsWith('.md'));

  it.each([
    ['', {}],
    ['--no-patch', { patch: false }],
    ['--show-noise', { showNoise: true }],
  ] as const)('prints what renderDiffText gives for the whole diff, every sample, %s', async (flag, flags) => {
    let compared = 0;
    for (const path of samples) {
      let expected: string;
      try {
        expected = wholeText(path, flags);
      } catch {
        continue; // not a cassette: the error path is tested below
      }
      const r = await runCaptured(['diff', '--no-color', ...(flag ? [flag] : []), path]);
      expect(r.stdout, path).toBe(expected);
      expect(r.status, path).toBe(expected.endsWith('no differences\n') ? 0 : 1);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('prints the same for --from/--to and for a file of several steps', async () => {
    const path = join(dir, 'four.json');
    writeFileSync(path, fourCalls(false));
    const all = await runCaptured(['diff', '--no-color', path]);
    expect(all.stdout).toBe(wholeText(path, {}));
    expect(all.stdout).toContain('3 of 3 steps differ');
    const picked = await runCaptured(['diff', '--no-color', '--from', '1', '--to', '3', path]);
    expect(picked.stdout).toBe(wholeText(path, { from: 1, to: 3 }));
    expect(picked.stdout).toContain('#1 → #3');
  });

  it('a file that breaks midway: the steps before the break, then the error, exit 2', async () => {
    const [path, whole] = [join(dir, 'broken.json'), join(dir, 'whole.json')];
    writeFileSync(path, fourCalls(true));
    writeFileSync(whole, fourCalls(false));
    const r = await runCaptured(['diff', '--no-color', path]);
    expect(r.status).toBe(2);
    const firstStep = wholeText(whole, {}).split('\n\n')[1];
    expect(r.stdout).toBe(`--- ${path}\n+++ ${path}\n\n${firstStep}\n`);
    expect(r.stdout).not.toContain('#1 → #2');
    expect(r.stderr).toMatch(/^error: .*broken\.json:\d+:\d+: invalid JSON: .*\(interaction 2\)\n$/);
  });

  it('a file that does not open prints nothing on stdout', async () => {
    const path = join(dir, 'not-a-cassette.json');
    writeFileSync(path, '{"hello": "world"}\n');
    const r = await runCaptured(['diff', '--no-color', path]);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/^error: .*not-a-cassette\.json/);
  });
});
