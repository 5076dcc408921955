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

/** A bad command line or config: exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The file holds recordings, but not of HTTP (websocket frames, gRPC). */
export class NotHttpError extends CassetteInputError {
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
