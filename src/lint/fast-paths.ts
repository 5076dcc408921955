/**
 * Lint's shortcuts, each on unless a test turns it off to compare it with the general path it
 * stands for (test/lint/fast-paths.test.ts). Nothing else changes them.
 */
export const lintFastPaths = {
  /** secret-text leaves out the body scalars findSecrets already searched (see searched-bodies.ts). */
  searchedBodies: true,
  /** invalid-request judges each URL string once (isValidUrl is a pure function of it). */
  urlMemo: true,
};
