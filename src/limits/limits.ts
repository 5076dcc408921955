import { CassetteInputError } from '../model/errors.js';

/**
 * Bounds on what one input may cost, so a small hostile file cannot take unbounded time or memory.
 * The CLI may raise them (environment variables, see the README); the core reads them here.
 */
export interface Limits {
  /** Bytes read from one file, and bytes a compressed file or body may expand to. */
  maxBytes: number;
  /** Nodes YAML aliases may add beyond the document's own (a "billion laughs" expands to 10^9). */
  maxAliasNodes: number;
  /** JSON nesting a body may have and still be treated as JSON (pretty-printed, diffed, walked). */
  maxBodyDepth: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBytes: 512 * 1024 * 1024,
  maxAliasNodes: 1_000_000,
  maxBodyDepth: 200,
});

let current: Limits = { ...DEFAULT_LIMITS };

/** The limits in force. */
export function limits(): Readonly<Limits> {
  return current;
}

/** Change some limits (the CLI does this once at start; tests restore with `configureLimits(DEFAULT_LIMITS)`). */
export function configureLimits(changes: Partial<Limits>): void {
  current = { ...current, ...changes };
}

/** An input over one of the limits: an input error (exit 2) that names the limit and how to raise it. */
export class LimitError extends CassetteInputError {
  constructor(message: string, details: ConstructorParameters<typeof CassetteInputError>[1] = {}) {
    super(message, details);
    this.name = 'LimitError';
  }
}

/** `512 MiB`, `1.5 GiB`: a byte count for a message. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** The error for an input (file, stream or decompressed body) larger than `maxBytes`. */
export function sizeLimitError(what: string): LimitError {
  return new LimitError(`${what} is larger than the ${formatBytes(current.maxBytes)} size limit (raise it with CASSETTE_MAX_BYTES)`);
}
