import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_NAMES, PLAIN_FLAGS, plainArgs } from '../../src/cli/run.js';

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

/** What commander hands `command`'s action for these arguments: paths and options, or the error. */
async function commanderArgs(command: string, rest: string[]): Promise<unknown> {
  const program = buildProgram(command as (typeof COMMAND_NAMES)[number]);
  let got: unknown;
  program.commands[0]!.action((...args: unknown[]) => {
    got = args.slice(0, -1);
  });
  try {
    await program.configureOutput({ writeErr: () => {}, writeOut: () => {} }).parseAsync(['node', 'cassette', command, ...rest]);
  } catch (error) {
    return { error: (error as Error).message };
  }
  return got;
}

// A run of only paths and value-less options skips commander (start-up): its action must get what
// commander would have given it, key order included.
describe('plainArgs', () => {
  for (const [command, flags] of Object.entries(PLAIN_FLAGS)) {
    it(`${command}: each plain option alone, all of them, after and before the paths, as commander reads them`, async () => {
      const cases = [[], ...flags.map((flag) => [flag]), [...flags], [...flags].reverse(), flags.filter((f) => !f.startsWith('--no-'))];
      for (const options of cases) {
        for (const rest of [['a.yaml', ...options], [...options, 'a.yaml', 'b.yaml'], ['a.yaml', ...options, 'b.yaml']]) {
          const plain = plainArgs(command, rest);
          expect(plain, rest.join(' ')).toBeDefined();
          const theirs = JSON.stringify(await commanderArgs(command, rest));
          expect(JSON.stringify([plain!.paths, plain!.options]), `${command} ${rest.join(' ')}`).toBe(theirs);
        }
      }
    });
  }

  it('leaves to commander anything else: no path, -, --, values, short and unknown options, help, textconv', () => {
    for (const rest of [[], ['--json'], ['-'], ['a.yaml', '-'], ['--', 'a.yaml'], ['a.yaml', '--by', 'model'], ['-i', '1', 'a.yaml'], ['a.yaml', '-h'], ['a.yaml', '--help'], ['a.yaml', '--bogus'], ['a.yaml', '--json=1'], ['a.yaml', '--recorder', 'har']]) {
      expect(plainArgs('show', rest), rest.join(' ')).toBeUndefined();
      expect(plainArgs('cost', rest), rest.join(' ')).toBeUndefined();
    }
    expect(plainArgs('textconv', ['a.yaml'])).toBeUndefined();
    expect(plainArgs('help', ['show'])).toBeUndefined();
  });
});

describe('--help says what a new user needs', () => {
  it('names the exit codes, and every reading command takes - for standard input', async () => {
    const { cli } = await import('../helpers/cli.js');
    expect(cli(['--help']).stdout).toContain('Exit codes:\n  0  ok\n  1  lint findings, differences (diff), a budget exceeded (cost)\n  2  a usage error, or an input that could not be read\n');
    for (const name of ['show', 'cost', 'lint', 'textconv']) expect(cli([name, '--help']).stdout.replace(/\s+/g, ' '), name).toContain('- for standard input');
  });
});
