/**
 * Shortcuts of secret detection, each on unless a test turns it off to compare it with the general
 * path it stands for (test/lint/fast-paths.test.ts). Nothing else changes them.
 */
export const secretFastPaths = {
  /** bodySecrets finds key prefixes and key-like pairs in one RegExp pass, not two. */
  oneBodySweep: true,
};
