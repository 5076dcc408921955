import { UsageError } from '../model/errors.js';
import { globToRegExp } from './config.js';
import type { GlobMatcher } from '../text/glob-nfa.js';
import { findingKey } from './fingerprint.js';
import type { Finding } from './types.js';

/**
 * One accepted kind of finding, from the config's `allow` list. Every given part must match: `files`
 * is a path glob (relative to the config's folder), `request` and `field` are patterns where `*`
 * matches anything (see FindingKey for their shapes). `reason` is for the reader.
 */
export interface AllowEntry {
  rule?: string;
  files?: string;
  request?: string;
  field?: string;
  reason?: string;
}

type Matcher = (text: string) => boolean;

interface CompiledAllow {
  rule?: string | undefined;
  files?: GlobMatcher | undefined;
  request?: Matcher | undefined;
  field?: Matcher | undefined;
}

/**
 * `*` matches any run of characters, everything else itself (case-insensitive). Matched by taking the
 * parts between stars left to right with indexOf, not a regular expression: URLs in cassettes can be long.
 */
export function wildcard(pattern: string): Matcher {
  const parts = pattern.toLowerCase().split('*');
  return (input) => {
    const text = input.toLowerCase();
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    if (parts.length === 1) return text === first;
    if (!text.startsWith(first) || !text.endsWith(last) || text.length < first.length + last.length) return false;
    let at = first.length;
    const end = text.length - last.length;
    for (const part of parts.slice(1, -1)) {
      const found = text.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

/** Check the config's `allow` value and compile it; a bad entry is a usage error naming the config. */
export function compileAllowList(value: unknown, source: string, ruleIds: ReadonlySet<string>): CompiledAllow[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new UsageError(`${source}: "allow" must be a list of {rule, files, request, field, reason}`);
  return value.map((entry: unknown, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new UsageError(`${source}: allow[${i}] must be an object`);
    const e = entry as Record<string, unknown>;
    for (const [key, v] of Object.entries(e)) {
      if (!['rule', 'files', 'request', 'field', 'reason'].includes(key)) throw new UsageError(`${source}: allow[${i}] has an unknown key "${key}" (rule, files, request, field, reason)`);
      if (typeof v !== 'string') throw new UsageError(`${source}: allow[${i}].${key} must be a string`);
    }
    const { rule, files, request, field } = e as AllowEntry;
    if (rule !== undefined && !ruleIds.has(rule)) throw new UsageError(`${source}: allow[${i}]: unknown rule "${rule}" (see cassette lint --list-rules)`);
    if (rule === undefined && files === undefined && request === undefined && field === undefined) throw new UsageError(`${source}: allow[${i}] needs at least one of rule, files, request, field`);
    return { rule, files: files === undefined ? undefined : globToRegExp(files), request: request === undefined ? undefined : wildcard(request), field: field === undefined ? undefined : wildcard(field) };
  });
}

/** The findings of one file (path relative to the config's folder) that no allow entry covers. */
export function applyAllowList(allow: readonly CompiledAllow[], file: string, findings: readonly Finding[]): { kept: Finding[]; allowed: number } {
  if (allow.length === 0) return { kept: [...findings], allowed: 0 };
  const kept = findings.filter((finding) => {
    const key = findingKey(finding, file);
    return !allow.some((a) => (a.rule === undefined || a.rule === key.rule) && (!a.files || a.files.test(key.file)) && (!a.request || a.request(key.request)) && (!a.field || a.field(key.field)));
  });
  return { kept, allowed: findings.length - kept.length };
}
