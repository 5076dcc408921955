import type { SourcePosition } from './types.js';

/** An expected failure on bad input: the CLI prints its message on one line and exits 2. */
export class CassetteInputError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly details: { interaction?: number | undefined; position?: SourcePosition | undefined } = {},
  ) {
    super(message);
    this.name = 'CassetteInputError';
  }
}

/**
 * A file that is gzip-compressed, or named `.gz`, and does not decompress: its bytes are no text, so
 * nothing in them is read or searched for keys (a corrupt stream's bytes are compressed garbage).
 */
export class GzipInputError extends CassetteInputError {
  constructor(message: string) {
    super(message);
    this.name = 'GzipInputError';
  }
}

/** A bad command line or config: exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The file parsed (JSON, YAML or text) but no format adapter recognises it and it has none of the
 * keys a cassette has: a package.json, a workflow, a fixture. Directory walks (and `lint`) skip such
 * files and count them; a file named to `show` or `cost` is still an error.
 */
export class NotCassetteError extends CassetteInputError {
  constructor(message = 'not a cassette') {
    super(message);
    this.name = 'NotCassetteError';
  }
}

/** The file holds recordings, but not of HTTP (websocket frames, gRPC): skipped like any non-cassette. */
export class NotHttpError extends NotCassetteError {
  constructor(readonly what: string) {
    super(`not an HTTP cassette (${what})`);
    this.name = 'NotHttpError';
  }
}

export function isExpectedError(error: unknown): error is CassetteInputError | UsageError {
  return error instanceof CassetteInputError || error instanceof UsageError;
}

/** `file:line:col: message (interaction N)` in one line. */
export function describeInputError(path: string, error: unknown): string {
  if (error instanceof CassetteInputError) {
    const pos = error.details.position;
    const where = pos ? `${path}:${pos.line}:${pos.column}` : path;
    const inter = error.details.interaction !== undefined ? ` (interaction ${error.details.interaction})` : '';
    return `${where}: ${error.message}${inter}`;
  }
  if (error instanceof Error) return `${path}: ${error.message.split('\n')[0]}`;
  return `${path}: ${String(error)}`;
}
