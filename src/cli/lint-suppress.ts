import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { applyAllowList, compileAllowList } from '../lint/allow.js';
import { BaselineFilter, buildBaseline, parseBaseline, serializeBaseline } from '../lint/baseline.js';
import type { LintConfig } from '../lint/config.js';
import type { Finding, Rule } from '../lint/types.js';
import { UsageError } from '../model/errors.js';
import { readOptionText } from './inputs.js';
import { count } from '../text/plural.js';

export interface SuppressOptions {
  config: LintConfig;
  /** Folder of the config file: `allow` globs and the config's `baseline` path are relative to it. */
  configDir: string;
  configSource: string;
  rules: readonly Rule[];
  baseline?: string | undefined;
  writeBaseline?: string | undefined;
}

/** What lint drops before reporting: the config's allow list, then a baseline; or it records a new baseline. */
export interface Suppressor {
  /** The findings of one file that are still to be reported. */
  keep(filePath: string, findings: readonly Finding[]): Finding[];
  /** Writes the baseline when asked to; returns lines for stderr about what was suppressed or written. */
  finish(): string[];
  /** With --write-baseline: the findings recorded into it so far (none are reported); otherwise undefined. */
  baselined(): number | undefined;
}

const posix = (from: string, path: string) => relative(from, resolve(path)).replace(/\\/g, '/');

export function createSuppressor(options: SuppressOptions): Suppressor {
  const allow = compileAllowList(options.config.allow, options.configSource, new Set(options.rules.map((r) => r.id)));
  const baselinePath = options.baseline ?? (typeof options.config.baseline === 'string' ? resolve(options.configDir, options.config.baseline) : undefined);
  if (options.config.baseline !== undefined && typeof options.config.baseline !== 'string') throw new UsageError(`${options.configSource}: "baseline" must be a file path`);
  const filter = baselinePath && !options.writeBaseline ? new BaselineFilter(parseBaseline(readBaseline(baselinePath), baselinePath)) : undefined;
  const baseDir = dirname(resolve(options.writeBaseline ?? baselinePath ?? '.'));
  const recorded: { file: string; findings: Finding[] }[] = [];
  let allowed = 0;
  let suppressed = 0;
  return {
    baselined: () => (options.writeBaseline ? suppressed : undefined),
    keep(filePath, findings) {
      const afterAllow = applyAllowList(allow, posix(options.configDir, filePath), findings);
      allowed += afterAllow.allowed;
      if (options.writeBaseline) {
        recorded.push({ file: posix(baseDir, filePath), findings: afterAllow.kept });
        suppressed += afterAllow.kept.length;
        return [];
      }
      if (!filter) return afterAllow.kept;
      const afterBaseline = filter.filter(posix(baseDir, filePath), afterAllow.kept);
      suppressed += afterBaseline.suppressed;
      return afterBaseline.kept;
    },
    finish() {
      const lines: string[] = [];
      if (allowed) lines.push(`cassette: ${count(allowed, 'finding')} allowed by ${options.configSource}`);
      if (options.writeBaseline) {
        const baseline = buildBaseline(recorded);
        writeFileSync(options.writeBaseline, serializeBaseline(baseline));
        lines.push(`cassette: wrote ${count(suppressed, 'finding')} (${count(baseline.findings.length, 'fingerprint')}) to ${options.writeBaseline}`);
      } else if (filter) {
        if (suppressed) lines.push(`cassette: ${count(suppressed, 'finding')} in baseline ${baselinePath}`);
        const unused = filter.unused();
        if (unused) lines.push(`cassette: ${count(unused, 'baselined finding')} no longer found (fixed, or not linted in this run); --write-baseline ${baselinePath} would drop them`);
      }
      return lines;
    },
  };
}

function readBaseline(path: string): string {
  try {
    return readOptionText(path, '--baseline', []);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: cannot read baseline (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
