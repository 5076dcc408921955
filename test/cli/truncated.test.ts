import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/corpus.js';

// A cassette cut short, as a killed recorder or `head` leaves it: every command says where it breaks.
const loop = readFileSync(join(SAMPLES, 'go-vcr-v2/openrouter-chat-stream-tool-loop.yaml'), 'utf8').split('\n');
const single = readFileSync(join(SAMPLES, 'go-vcr-v2/anthropic-json-tools.yaml'), 'utf8').split('\n');
const lineOf = (lines: string[], test: (line: string) => boolean) => lines.findIndex(test) + 1;

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cassette-cut-')), name);
  writeFileSync(path, text);
  return path;
}

describe('a cassette cut mid-interaction', () => {
  it('that still parses: show warns about the interaction with no URL and no response, at its line', () => {
    const path = file('t.yaml', `${loop.slice(0, 80).join('\n')}\n`);
    const second = lineOf(loop, (l) => /^\s*- id: 1$/.test(l));
    const shown = cli(['show', path]);
    expect(shown.stdout).toContain(`warning: ${path}:${second}: interaction 1: no request URL and no response recorded: the interaction is incomplete`);
    const json = JSON.parse(cli(['show', '--json', path]).stdout) as { cassettes: { warnings: { interaction: number; message: string; line: number }[] }[] };
    expect(json.cassettes[0]!.warnings).toContainEqual(expect.objectContaining({ interaction: 1, line: second }));
  });

  it('whose YAML breaks in interaction 1: show and cost print interaction 0, then the error naming line and interaction, exit 2', () => {
    const body = lineOf(loop.slice(60), (l) => l.trimStart().startsWith("body: '")) + 60;
    const path = file('q.yaml', `${loop.slice(0, body - 1).join('\n')}\n${loop[body - 1]!.slice(0, 60)}\n`);
    const error = new RegExp(`^error: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid YAML: .*\\(interaction 1\\)\\n$`);
    const shown = cli(['show', path]);
    expect(shown.status).toBe(2);
    expect(shown.stdout).toContain('#0 POST openrouter.ai/api/v1/chat/completions');
    expect(shown.stderr).toMatch(error);
    const cost = cli(['cost', path]);
    expect(cost.status).toBe(2);
    expect(cost.stdout).toMatch(/\n0 +openai-chat +moonshotai\/kimi-k2-0905 +112 /);
    expect(cost.stdout).toContain('1 LLM call: 1 recorded');
    expect(cost.stderr).toMatch(error);
    const json = cli(['show', '--json', path]);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).cassettes[0]).toMatchObject({ incomplete: true, interactions: [{ index: 0 }] });
    for (const r of [shown, cost, json]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('with one interaction cut before its URL: the error names the interaction and its line, not only "no format matches"', () => {
    const url = lineOf(single, (l) => l.trimStart().startsWith('url:'));
    const path = file('one.yaml', `${single.slice(0, url - 1).join('\n')}\n`);
    const first = lineOf(single, (l) => /^\s*- id: 0$/.test(l));
    for (const command of ['show', 'cost', 'lint']) {
      const r = cli([command, path]);
      expect(r.status, command).toBe(2);
      expect(r.stdout + r.stderr, command).toContain(`the interaction has no request method or URL: the file may be cut short`);
    }
    expect(cli(['show', path]).stderr).toMatch(new RegExp(`:${first}:\\d+: the interaction has no request method or URL.*\\(interaction 0\\)\\n$`));
  });
});
