import { configureLimits, DEFAULT_LIMITS, type Limits } from '../limits/limits.js';
import { UsageError } from '../model/errors.js';

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `CASSETTE_MAX_BYTES=2G`, `CASSETTE_MAX_ALIAS_NODES=5000000`, `CASSETTE_MAX_BODY_DEPTH=500`: raise (or lower) the input limits. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Limits> {
  const out: Partial<Limits> = {};
  const read = (name: string, units: boolean): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const m = /^\s*(\d+)\s*([kmg]?)i?b?\s*$/i.exec(raw);
    const unit = m?.[2]?.toLowerCase() ?? '';
    if (!m || (!units && unit !== '') || Number(m[1]) <= 0) throw new UsageError(`${name} must be a positive whole number${units ? ' of bytes (K, M, G suffixes allowed)' : ''}, got "${raw}"`);
    return Number(m[1]) * UNITS[unit]!;
  };
  const bytes = read('CASSETTE_MAX_BYTES', true);
  const aliases = read('CASSETTE_MAX_ALIAS_NODES', false);
  const depth = read('CASSETTE_MAX_BODY_DEPTH', false);
  if (bytes !== undefined) out.maxBytes = bytes;
  if (aliases !== undefined) out.maxAliasNodes = aliases;
  if (depth !== undefined) out.maxBodyDepth = depth;
  return out;
}

/** The defaults, changed by what the environment says (each run starts from the defaults). */
export function configureLimitsFromEnv(): void {
  configureLimits({ ...DEFAULT_LIMITS, ...limitsFromEnv() });
}
