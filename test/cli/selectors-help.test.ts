import { describe, expect, it } from 'vitest';
import { selectionError } from '../../src/cli/interaction-spec.js';
import { cli } from '../helpers/cli.js';

describe('interaction selectors', () => {
  it.each([
    [['1'], 2, undefined],
    [['2'], 2, 'no interaction 2 (it has 2: #0-#1)'],
    [['0-9'], 2, undefined],
    [['5-9'], 2, 'no interaction 5 (it has 2: #0-#1)'],
    [['0,7'], 1, 'no interaction 7 (it has one: #0)'],
    [['0'], 0, 'no interaction 0 (it has none)'],
  ])('%j on %i interactions → %s', (specs, count, expected) => {
    expect(selectionError(specs, count)).toBe(expected);
  });

  it('show -i out of range exits 2 for that file, as diff --to does', () => {
    const r = cli(['show', '-i', '99', 'samples/nock/openai-chat.json']);
    expect(r).toMatchObject({ status: 2, stdout: '', stderr: 'error: samples/nock/openai-chat.json: no interaction 99 (it has 2: #0-#1)\n' });
    expect(cli(['diff', '--to', '99', 'samples/nock/openai-chat.json']).status).toBe(2);
  });

  it('show --html -i out of range is the same one-line error, exit 2; the page lists the file as unreadable', () => {
    const r = cli(['show', '--html', '-i', '2', 'samples/nock/openai-chat.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: samples/nock/openai-chat.json: no interaction 2 (it has 2: #0-#1)\n');
    expect(r.stdout).toContain('Files that could not be read');
    expect(r.stdout).toContain('no interaction 2 (it has 2: #0-#1)');
    expect(cli(['show', '--html', '-i', '1', 'samples/nock/openai-chat.json']).status).toBe(0);
  });
});

describe('--help', () => {
  it('prints no empty defaults', () => {
    for (const command of ['show', 'cost', 'diff', 'lint']) expect(cli([command, '--help']).stdout, command).not.toContain('(default: [])');
  });
});
