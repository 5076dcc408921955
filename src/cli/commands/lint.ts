import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { applyRuleFlags, globToRegExp, ruleSettings, type LintConfig } from '../../lint/config.js';
import { lintStream, type RuleSetting } from '../../lint/engine.js';
import { fixUntilStable } from '../../lint/fix-passes.js';
import { maskFindings, redactSecretsIn } from '../../lint/mask-findings.js';
import { writeFixed } from '../fix-file.js';
import { FORMATTERS } from '../../lint/format/index.js';
import { counts, type LintResult } from '../../lint/format/types.js';
import { RULES } from '../../lint/rules/index.js';
import { findFormat } from '../../formats/index.js';
import { openCassette, type CassetteStream } from '../../load.js';
import type { Finding } from '../../lint/types.js';
import type { FileWork } from '../file-work.js';
import { UsageError } from '../../model/errors.js';
import { readOptionText } from '../inputs.js';
import { createSuppressor } from '../lint-suppress.js';
import { withBrokenFileSecrets } from '../broken-file-secrets.js';
import { forEachFile, skippedLines, type FileError } from '../load-files.js';
import { checkProviderFlag } from '../provider-flag.js';
import { isOneOfInputs } from '../same-file.js';
import { loadTerminalLayout, paletteFor, useColor, writeOut } from '../terminal.js';
import { VERSION } from '../version.js';

export interface LintFlags {
  /** The formatter (`-f/--format`, as in ESLint); `--formatter` is the older spelling. */
  format?: string;
  formatter?: string;
  baseline?: string;
  writeBaseline?: string;
  recorder?: string;
  rule?: string[];
  maxWarnings?: string;
  quiet?: boolean;
  listRules?: boolean;
  config?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  provider?: string;
  color?: boolean;
}

const CONFIG_FILES = ['.cassette.json', 'cassette.config.json'];

/** The nearest config, searched upward from `cwd`: `.cassette.json`, `cassette.config.json`, `package.json#cassette`. */
function findConfig(cwd: string, explicit: string | undefined): { config: LintConfig; dir: string; source: string } {
  const read = (path: string): unknown => {
    try {
      return JSON.parse(path === explicit ? readOptionText(path, '--config', []) : readFileSync(path, 'utf8'));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${path}: cannot read config (${(error as Error).message})`);
    }
  };
  if (explicit) return { config: read(explicit) as LintConfig, dir: dirname(resolve(explicit)), source: explicit };
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const path = join(dir, name);
      if (existsSync(path)) return { config: read(path) as LintConfig, dir, source: path };
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const cassette = (read(pkg) as { cassette?: LintConfig }).cassette;
      if (cassette) return { config: cassette, dir, source: `${pkg}#cassette` };
    }
    if (dirname(dir) === dir) return { config: {}, dir: cwd, source: '(defaults)' };
  }
}

function listRules(): string {
  const width = Math.max(...RULES.map((r) => r.id.length));
  return `${RULES.map((r) => `${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(5)}  ${r.category.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.description}`).join('\n')}\n`;
}

export async function lintCommand(paths: string[], flags: LintFlags): Promise<void> {
  if (flags.listRules) {
    const layout = await loadTerminalLayout();
    writeOut(layout ? layout.fit(listRules()) : listRules());
    return;
  }
  checkProviderFlag(flags.provider);
  const formatterName = flags.format ?? flags.formatter ?? 'stylish';
  const formatter = FORMATTERS[formatterName];
  if (!formatter) {
    // Before -f/--format named the formatter, lint's --format named the recorder format.
    const recorder = findFormat(formatterName) ? `; "${formatterName}" is a recorder format: use --recorder ${formatterName}` : '';
    throw new UsageError(`unknown formatter "${formatterName}" (known: ${Object.keys(FORMATTERS).join(', ')})${recorder}`);
  }
  if (paths.length === 0) throw new UsageError('lint needs cassette files or directories');
  // A baseline names files relative to its own folder, so it needs one: never a file named `-`.
  // `-` (standard input) may name a cassette, the config or the baseline, but only one of them.
  if ([...paths, flags.config, flags.baseline].filter((p) => p === '-').length > 1) throw new UsageError('- (standard input) can be given only once: as a cassette, --config or --baseline');
  if (flags.writeBaseline === '-') throw new UsageError('--write-baseline needs a file name (standard output has no folder for the paths in it)');
  let maxWarnings: number | undefined;
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings needs a whole number (-1: no limit), got "${flags.maxWarnings}"`);
    // ESLint's -1: any number of warnings passes.
    if (maxWarnings === -1) maxWarnings = undefined;
  }
  const { config, dir, source } = findConfig(process.cwd(), flags.config);
  const settings = ruleSettings(config, RULES, source);
  applyRuleFlags(settings, flags.rule ?? [], RULES);
  const ignores = (config.ignore ?? []).map(globToRegExp);
  const suppressor = createSuppressor({ config, configDir: dir, configSource: source, rules: RULES, baseline: flags.baseline, writeBaseline: flags.writeBaseline });

  const results: LintResult[] = [];
  const patches: FixPatch[] = [];
  const fixedIn: number[] = [];
  const ignored = (path: string) => ignores.some((re) => re.test(relative(dir, resolve(path)).replace(/\\/g, '/')));
  // pre-commit names every file its pattern matches: those that are not cassettes are skipped, not errors.
  const policy = { label: 'lint', namedNonCassette: 'skip', ignore: ignored, onError: (e: FileError) => results.push({ filePath: e.path, findings: [], error: redactSecretsIn(e.message) }) } as const;
  const options: LintWorkOptions = { settings, recorder: flags.recorder, provider: flags.provider, fix: Boolean(flags.fix), fixDryRun: Boolean(flags.fixDryRun) };
  // `--fix` stays in the main thread: a signal (Ctrl-C) must be able to remove the temp file being
  // written (src/cli/fix-file.ts), and signals reach only the main thread.
  const parallel = flags.fix ? () => false : undefined;
  const outcome = await forEachFile<LintFileResult>(paths, policy, { name: 'lint', options }, (r, file) => {
    for (const stale of r.removed) process.stderr.write(`removed ${stale}, left by an interrupted lint --fix\n`);
    if (r.patch) patches.push(r.patch);
    if (r.fixedProblems) fixedIn.push(r.fixedProblems);
    let findings = suppressor.keep(file.path, r.findings);
    if (flags.quiet) findings = findings.filter((f) => f.severity === 'error');
    results.push({ filePath: file.path, findings, fixed: r.fixed, error: r.error, errorAt: r.errorAt });
  }, {}, parallel);
  if (flags.fixDryRun) {
    // The diff package is only needed to show fixes; a plain lint run does not load it.
    const { structuredPatch } = await import('diff');
    writeOut(redactSecretsIn(patches.map((p) => patchText(structuredPatch, p)).join('')));
    // The patch is all stdout holds: a file that could not be read is said on stderr, as lint does.
    for (const r of results) if (r.error) process.stderr.write(`error: ${r.error}\n`);
  }
  if (flags.writeBaseline !== undefined && isOneOfInputs(flags.writeBaseline, results.map((r) => r.filePath))) {
    throw new UsageError(`${flags.writeBaseline}: is one of the input files; the baseline would overwrite it`);
  }
  if (!flags.fixDryRun) {
    // The stylish layout fits the terminal; the other formatters are for machines and keep whole lines.
    const layout = formatterName === 'stylish' ? await loadTerminalLayout() : undefined;
    writeOut(formatter(results, { palette: paletteFor(useColor(flags)), rules: RULES, cwd: process.cwd(), version: VERSION, layout, baselined: suppressor.baselined() }));
  }
  if (flags.fix || flags.fixDryRun) process.stderr.write(`${fixSummary(fixedIn, Boolean(flags.fixDryRun))}\n`);
  for (const line of skippedLines(outcome.skipped)) process.stderr.write(`${line}\n`);
  for (const line of suppressor.finish()) process.stderr.write(`${line}\n`);
  const { errors, warnings } = counts(results);
  const unreadable = results.some((r) => r.error);
  process.exitCode = unreadable ? 2 : errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

/** `fixed 15 problems in 2 files` (`would fix` for a dry run): what `--fix` did, on stderr. */
export function fixSummary(fixedPerFile: readonly number[], dryRun: boolean): string {
  const problems = fixedPerFile.reduce((a, b) => a + b, 0);
  const files = fixedPerFile.length;
  if (problems === 0) return 'nothing to fix';
  return `${dryRun ? 'would fix' : 'fixed'} ${problems} problem${problems === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
}

function patchText(structuredPatch: typeof import('diff').structuredPatch, { path, before, after }: { path: string; before: string; after: string }): string {
  // As git writes an absolute path (`a/tmp/x.yaml`), so `git apply`/`patch -p1` take the patch.
  const name = path.replace(/\\/g, '/').replace(/^\/+/, '');
  const patch = structuredPatch(`a/${name}`, `b/${name}`, before, after, '', '', { context: 2 });
  const lines = [`--- a/${name}`, `+++ b/${name}`];
  for (const h of patch.hunks) lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines);
  return `${lines.join('\n')}\n`;
}

interface FixPatch {
  path: string;
  before: string;
  after: string;
}

/** What lint keeps of one file: its findings (secrets masked), whether it was fixed, the dry-run patch. */
export interface LintFileResult {
  findings: Finding[];
  fixed: boolean;
  /** Problems `--fix` fixed in the file (or, with `--fix-dry-run`, would fix). */
  fixedProblems?: number | undefined;
  patch?: FixPatch | undefined;
  /** Temp files of an interrupted `--fix` removed beside it. */
  removed: string[];
  /** The one-line error when the file broke while read as a cassette (what was read before the break is linted). */
  error?: string | undefined;
  /** Where the error is, when it names a place. */
  errorAt?: { line: number; column: number } | undefined;
}

/** What `lint` does to one file, as plain options (see src/cli/jobs.ts). */
export interface LintWorkOptions {
  settings: ReadonlyMap<string, RuleSetting>;
  recorder: string | undefined;
  provider: string | undefined;
  fix: boolean;
  fixDryRun: boolean;
}

/** Lint one file: a cassette (see lintCassette), or a broken one: the interactions read before the break, the rest searched for keys. */
export function lintWork(o: LintWorkOptions): FileWork<unknown, LintFileResult> {
  return withBrokenFileSecrets(lintCassette(o), o.settings.get('secret-text')?.severity ?? 'error', () => ({ fixed: false, removed: [] }), (text, file) => {
    const stream = openCassette(text, file.path, { format: o.recorder });
    // The file-wide rules (version marker, emptiness, size) would judge a file that was not read whole.
    // Not fixable: --fix edits a file it has read whole.
    return maskFindings(lintStream(stream, INTERACTION_RULES, o.settings, text.length, o.provider), () => stream.cassette.text).map(({ fix: _, ...f }) => f);
  }) as FileWork<unknown, LintFileResult>;
}

const INTERACTION_RULES = RULES.filter((r) => (r.scope ?? 'interaction') === 'interaction');

/** Lint one cassette, fixing it in place or as a patch when asked. */
function lintCassette(o: LintWorkOptions): FileWork<CassetteStream, LintFileResult> {
  const lint = (stream: CassetteStream, size: number) => lintStream(stream, RULES, o.settings, size, o.provider);
  return {
    // A fix edits the file's bytes, which it then holds; a plain lint reads a large file's items again.
    rereads: !o.fix && !o.fixDryRun,
    load: (bytes, file, reread) => openCassette(bytes, file.path, { format: o.recorder, reread }),
    process(stream, file, input) {
      if (!o.fix && !o.fixDryRun) return { findings: maskFindings(lint(stream, input.size), () => stream.cassette.text), fixed: false, removed: [] };
      // Bytes are edited, not re-encoded text: a BOM, invalid UTF-8 and every other byte stay.
      const settled = fixUntilStable(input.bytes(), stream, lint, (fixed) => openCassette(fixed, file.path, { format: o.recorder }));
      const result: LintFileResult = { findings: [], fixed: false, removed: [], fixedProblems: settled.fix ? settled.fixedProblems : 0 };
      if (settled.fix && o.fixDryRun) result.patch = { path: file.path, before: settled.fix.before, after: settled.fix.after };
      else if (settled.fix) {
        if (file.stdin) throw new UsageError('--fix cannot write back to standard input (use --fix-dry-run)');
        result.removed = writeFixed(file.path, settled.fix.bytes);
        result.fixed = true;
      }
      // What is left after fixing is what the user still has to do (the dry run: what it would leave).
      // Masked here, where the text is: the allow list, baseline and --quiet never read messages.
      result.findings = o.fixDryRun ? maskFindings(settled.first, () => stream.cassette.text) : maskFindings(settled.findings, () => settled.stream.cassette.text);
      return result;
    },
  };
}
