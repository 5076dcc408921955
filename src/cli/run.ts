import { Command, CommanderError, Option } from 'commander';
import { describeInputError, isExpectedError } from '../model/errors.js';
import { normalizeColorArgs } from './color-args.js';
import { collect } from './interaction-spec.js';
import { configureLimitsFromEnv } from './limits-env.js';
import { installOutputGuard } from './output-guard.js';
import { prepareColor, type ColorChoice } from './terminal.js';
import { VERSION } from './version.js';

/** The paths argument of show, cost and lint, as their help describes it. */
const PATHS_HELP = 'cassette files, directories (walked recursively), quoted glob patterns, or - for standard input';

// Each command's implementation is imported when it runs, so start-up loads only commander.
type Action = (...args: never[]) => void | Promise<void>;
// A command's module loads only when it runs; commander passes (...arguments, options, command).
const lazy = <T extends Action>(load: () => Promise<T>) => async (...args: Parameters<T>) => {
  const options = (args[args.length - 2] ?? {}) as ColorChoice & RecorderChoice;
  recorderFromLegacyFormat(options, (args[args.length - 1] as unknown as Command).name());
  const [action] = await Promise.all([load(), prepareColor(options)]);
  return action(...args);
};

interface RecorderChoice {
  recorder?: string | undefined;
  format?: string | undefined;
}

/**
 * `--recorder ID` picks the recorder format in every command. show, cost, diff and textconv took it as
 * `--format ID` before lint's `-f/--format` became the ESLint formatter: that still works there, with a
 * note. Those commands read the choice as `format` (its old name), so it is copied there.
 */
function recorderFromLegacyFormat(options: RecorderChoice, command: string): void {
  if (command === 'lint') return;
  if (options.format !== undefined) {
    process.stderr.write(`cassette: --format ${options.format} is deprecated for ${command}; use --recorder ${options.format}\n`);
    options.recorder ??= options.format;
  }
  options.format = options.recorder;
}

const RECORDER_HELP = 'force the recorder format (go-vcr, vcrpy, ruby-vcr, har, ...) instead of detecting it';
const COLOR_HELP = 'force colour (--color=always|never|auto also work)';

/**
 * The options every command that reads cassettes ends with, added to `command` in this order (its
 * help lists them so): `--recorder`; its old name `--format`, hidden (not in lint, where
 * `-f/--format` is the formatter); `--provider` and the colour pair (not in textconv, whose
 * output is plain text for git).
 */
function readingOptions(command: Command, { legacyFormat, providerAndColor }: { legacyFormat: boolean; providerAndColor: boolean }): Command {
  command.option('--recorder <id>', RECORDER_HELP);
  if (legacyFormat) command.addOption(new Option('--format <id>', 'deprecated: use --recorder').hideHelp());
  if (!providerAndColor) return command;
  return command
    .option('--provider <id>', 'force the LLM wire format instead of detecting it')
    .addOption(new Option('--color', COLOR_HELP))
    .addOption(new Option('--no-color', 'no colour'));
}

/** The commands, by name: a run whose first argument is one of them defines only that one. */
export const COMMAND_NAMES = ['show', 'cost', 'diff', 'textconv', 'lint'] as const;
type CommandName = (typeof COMMAND_NAMES)[number];

/** Each command's implementation, imported when it runs (scripts/bundle.mjs keys on these paths). */
const LOAD = {
  show: async () => (await import('./commands/show.js')).showCommand,
  cost: async () => (await import('./commands/cost.js')).costCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  textconv: async () => (await import('./commands/textconv.js')).textconvCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
} satisfies Record<CommandName, () => Promise<Action>>;

/**
 * The options a run may give without commander parsing them (see plainArgs): each command's
 * options that take no value, as buildProgram defines them. test/cli/program.test.ts checks that
 * commander reads every one of them, alone and together, as plainArgs does.
 */
export const PLAIN_FLAGS: Readonly<Partial<Record<CommandName, readonly string[]>>> = {
  show: ['--json', '--html', '--full', '--headers', '--no-mask', '--raw', '--color', '--no-color'],
  cost: ['--json', '--csv', '--markdown', '--color', '--no-color'],
  diff: ['--git', '--json', '--markdown', '--stat', '--no-patch', '--show-noise', '--color', '--no-color'],
  lint: ['--quiet', '--list-rules', '--fix', '--fix-dry-run', '--color', '--no-color'],
};

/** An option's key in commander's options: `--fix-dry-run` is fixDryRun, `--no-mask` is mask. */
function optionKey(flag: string): string {
  const [head = '', ...words] = flag.slice(flag.startsWith('--no-') ? 5 : 2).split('-');
  return head + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/**
 * The paths and options commander would hand `command`'s action for `rest` (the arguments after
 * the command), when they are only paths (not starting with `-`, at least one) and options of
 * PLAIN_FLAGS; otherwise undefined, and commander parses them (help, values, errors, `--`, `-`).
 * Defining the command and parsing with commander was ~3 M instructions of a one-file run's ~140 M,
 * ~6 M for lint (and its code is then not in the run's code cache either).
 */
export function plainArgs(command: string, rest: readonly string[]): { paths: string[]; options: Record<string, boolean> } | undefined {
  const flags = PLAIN_FLAGS[command as CommandName];
  if (!flags) return undefined;
  const options: Record<string, boolean> = {};
  // A negated option with no positive one is true unless given (commander's default), and comes first.
  for (const flag of flags) if (flag.startsWith('--no-') && !flags.includes(`--${flag.slice(5)}`)) options[optionKey(flag)] = true;
  const paths: string[] = [];
  for (const arg of rest) {
    if (!arg.startsWith('-')) paths.push(arg);
    else if (flags.includes(arg)) options[optionKey(arg)] = !arg.startsWith('--no-');
    else return undefined;
  }
  return paths.length > 0 ? { paths, options } : undefined;
}

/**
 * The CLI's commander program. With `only`, just that command is defined (what a run that names it
 * needs: defining every command's ~60 options costs a one-file run ~3% of its start-up); without,
 * all of them, for the top-level help, `help CMD` and the suggestion for a mistyped command.
 */
export function buildProgram(only?: (typeof COMMAND_NAMES)[number]): Command {
  const wanted = (name: string) => only === undefined || only === name;
  const program = new Command('cassette')
    .description('Read, cost, diff and lint recorded HTTP cassettes of LLM API traffic.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExit codes:\n  0  ok\n  1  lint findings, differences (diff), a budget exceeded (cost)\n  2  a usage error, or an input that could not be read')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str.replace(/^error: /, 'cassette: ')) });

  if (wanted('show')) {
    const command = program
      .command('show')
      .description('show each interaction as a person reads it: request, reassembled response, usage')
      .argument('<paths...>', PATHS_HELP)
      .option('--json', 'machine-readable output (a documented contract)')
      .option('--html', 'one self-contained HTML page (no network; open it in a browser or keep it as a CI artifact)')
      .option('-o, --output <file>', 'with --html: write the page to this file instead of stdout')
      .option('--full', 'do not shorten long texts')
      .option('--headers', 'show request and response headers (secrets masked)')
      .option('--no-mask', 'show secrets (Authorization, API keys, cookies) unmasked')
      .option('--raw', 'pretty raw bodies and SSE events instead of reassembly; hex preview of binary bodies')
      .option('-i, --interaction <spec>', 'only interaction N, a range N-M or a list N,M (repeatable)', collect);
    readingOptions(command, { legacyFormat: true, providerAndColor: true })
      .action(lazy(LOAD.show));
  }

  if (wanted('cost')) {
    const command = program
      .command('cost')
      .description('tokens and money per interaction, cassette, model and total; recorded cost first, list-price estimate otherwise')
      .argument('<paths...>', PATHS_HELP)
      .option('--json', 'machine-readable output')
      .option('--csv', 'one CSV line per interaction')
      .option('--markdown', 'a Markdown summary for a pull-request comment')
      .option('--by <key>', 'add a rollup by model, provider or cassette')
      .option('--max-cost <usd>', 'exit 1 when the total cost exceeds this many USD')
      .option('--max-tokens <n>', 'exit 1 when input + output tokens exceed this')
      .option('--price-file <file>', 'JSON file of model prices that add to or override the bundled list prices');
    readingOptions(command, { legacyFormat: true, providerAndColor: true })
      .action(lazy(LOAD.cost));
  }

  if (wanted('diff')) {
    const command = program
      .command('diff')
      .description('compare requests across the interactions of one cassette, or two cassettes (any formats), or cassettes in git')
      .argument('[paths...]', 'FILE (step by step), OLD NEW, or with --git: [REV] [PATHS...]')
      .option('--from <n>', 'with one FILE: compare interaction N ...')
      .option('--to <n>', '... with interaction M')
      .option('--git', 'compare cassettes changed in the work tree against HEAD, in REV against its parent, or in A..B / A...B')
      .option('--json', 'machine-readable output')
      .option('--markdown', 'a Markdown summary for a pull-request comment')
      .option('--stat', 'one line per interaction')
      .option('--no-patch', 'only the summary, no unified diff')
      .option('--show-noise', 'also report ids, timestamps, obfuscation and signatures')
      .option('--ignore <path>', 'ignore changes at a JSON path such as messages[*].cache_control (repeatable)', collect);
    readingOptions(command, { legacyFormat: true, providerAndColor: true })
      .action(lazy(LOAD.diff));
  }

  if (wanted('textconv')) {
    const command = program
      .command('textconv')
      .description("print a deterministic readable rendering of a cassette, for git's diff.<driver>.textconv")
      .argument('<file>', 'a cassette file, or - for standard input')
      // Never colours; --no-color (and --color=never) is accepted so one flag set works for every command.
      .addOption(new Option('--no-color', 'accepted; textconv never colours').hideHelp());
    readingOptions(command, { legacyFormat: true, providerAndColor: false })
      .action(lazy(LOAD.textconv));
  }

  if (wanted('lint')) {
    const command = program
      .command('lint')
      .description('check cassettes for schema violations, broken streams and leaked secrets (pre-commit and CI)')
      .argument('[paths...]', PATHS_HELP)
      .option('-f, --format <name>', 'formatter: stylish, json (ESLint), sarif, github, compact (default: stylish)')
      .addOption(new Option('--formatter <name>', 'same as -f/--format').hideHelp())
      .option('--rule <id=severity>', 'set a rule to off, warn or error (repeatable)', collect)
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)')
      .option('--quiet', 'report errors only')
      .option('--list-rules', 'list the rules and exit')
      .option('--config <file>', 'use this config file instead of searching for one')
      .option('--baseline <file>', 'report only findings that this baseline (from --write-baseline) does not hold')
      .option('--write-baseline <file>', 'write every current finding to this baseline file and exit 0')
      .option('--fix', 'redact secrets and correct content_length in place (atomic write)')
      .option('--fix-dry-run', 'print the fixes as a diff instead of writing them');
    readingOptions(command, { legacyFormat: false, providerAndColor: true })
      .action(lazy(LOAD.lint));
  }

  return program;
}

/** Entry point used by bin/cassette.js. */
export async function run(argv: readonly string[]): Promise<void> {
  const first = argv[2];
  const only = COMMAND_NAMES.find((name) => name === first);
  installOutputGuard();
  try {
    configureLimitsFromEnv();
    const args = normalizeColorArgs(argv);
    const plain = only && plainArgs(only, args.slice(3));
    // The action as commander would call it: (paths, options, command); only its name is read.
    if (only && plain) await (lazy(LOAD[only] as () => Promise<Action>) as (...args: unknown[]) => Promise<void>)(plain.paths, plain.options, { name: () => only });
    else await buildProgram(only).parseAsync(args);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (isExpectedError(error)) {
      process.stderr.write(`cassette: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (process.env.CASSETTE_DEBUG) console.error(error);
    process.stderr.write(`cassette: internal error: ${describeInputError('', error).replace(/^: /, '')} (set CASSETTE_DEBUG=1 for details)\n`);
    process.exitCode = 2;
  }
}
