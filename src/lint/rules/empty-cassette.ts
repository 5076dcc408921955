import type { Rule } from '../types.js';

export const emptyCassette: Rule = {
  id: 'empty-cassette',
  defaultSeverity: 'warn',
  category: 'schema',
  description: 'the cassette has no interactions (a test that records nothing replays nothing)',
  scope: 'file',
  check: ({ interactionCount }) => (interactionCount === 0 ? [{ message: 'no interactions recorded', path: [] }] : []),
};
