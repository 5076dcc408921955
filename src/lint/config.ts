import { UsageError } from '../model/errors.js';
import type { RuleSetting } from './engine.js';
import type { Rule, SeveritySetting } from './types.js';
import { compileGlob, type GlobMatcher } from '../text/glob-nfa.js';

/** `.cassette.json`, `cassette.config.json` or `package.json#cassette`. */
export interface LintConfig {
  rules?: Record<string, SeveritySetting | [SeveritySetting, Record<string, unknown>?]>;
  /** Globs of files not to lint, relative to the config file's folder. */
  ignore?: string[];
  /** Accepted findings: `{rule, files, request, field, reason}` (see allow.ts). */
  allow?: unknown;
  /** A baseline file (from `--write-baseline`), relative to the config file's folder; `--baseline` overrides it. */
  baseline?: unknown;
}


const SEVERITIES = new Set(['off', 'warn', 'error']);

/** Check a config object and turn it into per-rule settings. */
export function ruleSettings(config: LintConfig, rules: readonly Rule[], source: string): Map<string, RuleSetting> {
  const known = new Set(rules.map((r) => r.id));
  const out = new Map<string, RuleSetting>();
  if (config.rules !== undefined && (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules))) throw new UsageError(`${source}: "rules" must be an object`);
  for (const [id, value] of Object.entries(config.rules ?? {})) {
    if (!known.has(id)) throw new UsageError(`${source}: unknown rule "${id}" (see cassette lint --list-rules)`);
    const [severity, options] = Array.isArray(value) ? value : [value, undefined];
    if (!SEVERITIES.has(severity as string)) throw new UsageError(`${source}: rule "${id}" severity must be off, warn or error`);
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) throw new UsageError(`${source}: rule "${id}" options must be an object`);
    // A misspelt or mistyped option would be dropped without a word and the default used instead.
    const takes = rules.find((r) => r.id === id)?.options ?? {};
    for (const [name, optionValue] of Object.entries(options ?? {})) {
      const check = takes[name];
      if (!check) throw new UsageError(`${source}: rule "${id}" has no option "${name}"${Object.keys(takes).length ? ` (it takes ${Object.keys(takes).join(', ')})` : ' (it takes none)'}`);
      const wrong = check(optionValue);
      if (wrong) throw new UsageError(`${source}: rule "${id}" option "${name}" ${wrong}, got ${JSON.stringify(optionValue)}`);
    }
    out.set(id, { severity, options: options ?? {} });
  }
  if (config.ignore !== undefined && (!Array.isArray(config.ignore) || config.ignore.some((g) => typeof g !== 'string'))) throw new UsageError(`${source}: "ignore" must be a list of globs`);
  return out;
}

/** `--rule id=severity` flags on top of the config. */
export function applyRuleFlags(settings: Map<string, RuleSetting>, flags: readonly string[], rules: readonly Rule[]): void {
  for (const flag of flags) {
    const m = /^([a-z0-9-]+)=(off|warn|error)$/.exec(flag);
    if (!m) throw new UsageError(`--rule needs id=off|warn|error, got "${flag}"`);
    if (!rules.some((r) => r.id === m[1])) throw new UsageError(`--rule: unknown rule "${m[1]}"`);
    settings.set(m[1]!, { severity: m[2] as SeveritySetting, options: settings.get(m[1]!)?.options ?? {} });
  }
}

/** A glob (`**`, `*`, `?`) over `/`-separated paths, matched in linear time (see compileGlob). */
export function globToRegExp(glob: string): GlobMatcher {
  return compileGlob(glob, { paths: true });
}
