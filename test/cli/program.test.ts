import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_NAMES } from '../../src/cli/run.js';

// A run whose first argument names a command defines only that command (start-up); everything it
// can print or accept must be what the full program has for that command.
describe('buildProgram', () => {
  it('defines exactly COMMAND_NAMES', () => {
    expect(buildProgram().commands.map((c) => c.name())).toEqual([...COMMAND_NAMES]);
  });

  it.each(COMMAND_NAMES)('defines %s alone with the same arguments, options and help as in the full program', (name) => {
    const alone = buildProgram(name);
    expect(alone.commands.map((c) => c.name())).toEqual([name]);
    const one = alone.commands[0]!;
    const full = buildProgram().commands.find((c) => c.name() === name)!;
    expect(one.helpInformation()).toBe(full.helpInformation());
    expect(one.options.map((o) => [o.flags, o.hidden, o.defaultValue])).toEqual(full.options.map((o) => [o.flags, o.hidden, o.defaultValue]));
    expect(one.registeredArguments.map((a) => [a.name(), a.required, a.variadic])).toEqual(full.registeredArguments.map((a) => [a.name(), a.required, a.variadic]));
  });
});

describe('--help says what a new user needs', () => {
  it('names the exit codes, and every reading command takes - for standard input', async () => {
    const { cli } = await import('../helpers/cli.js');
    expect(cli(['--help']).stdout).toContain('Exit codes:\n  0  ok\n  1  lint findings, differences (diff), a budget exceeded (cost)\n  2  a usage error, or an input that could not be read\n');
    for (const name of ['show', 'cost', 'lint', 'textconv']) expect(cli([name, '--help']).stdout.replace(/\s+/g, ' '), name).toContain('- for standard input');
  });
});
