import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const FILE = 'samples/nock/openai-chat.json';

// An unknown id is the command line's fault: exit 2 with one line, before any file is read, in
// every command (show, lint and diff once read every interaction as a non-LLM call and exited 0).
describe('unknown --provider and --recorder ids', () => {
  it.each([
    [['show', '--provider', 'nope', FILE]],
    [['show', '--json', '--provider', 'nope', FILE]],
    [['show', '--html', '--provider', 'nope', FILE]],
    [['cost', '--provider', 'nope', FILE]],
    [['lint', '--provider', 'nope', FILE]],
    [['diff', '--provider', 'nope', FILE]],
    [['diff', '--provider', 'nope', FILE, FILE]],
  ])('%j exits 2 naming the id and the known ones', (args) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cassette: unknown provider "nope" \(known: .*openai-chat.*\)\n$/);
  });

  it('a known --provider still works', () => {
    const r = cli(['show', '--provider', 'openai-chat', FILE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('request  openai-chat');
  });

  it('textconv --recorder with an unknown id exits 2 instead of printing the file as text', () => {
    const r = cli(['textconv', '--recorder', 'nope', FILE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cassette: unknown format "nope" \(known: .*nock.*\)\n$/);
    expect(cli(['textconv', '--recorder', 'nock', FILE]).status).toBe(0);
  });
});
