import { constants } from 'node:buffer';
import { limits } from './limits.js';

/** zlib options that stop decompression at `maxBytes` instead of filling memory (a 1 MB gzip can hold 1 GB). */
export function decompressLimit(): { maxOutputLength: number } {
  return { maxOutputLength: Math.min(limits().maxBytes, constants.MAX_LENGTH) };
}

/** True for zlib's error when the output would pass `maxOutputLength`. */
export function isOverLimit(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_BUFFER_TOO_LARGE';
}
