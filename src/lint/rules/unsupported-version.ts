import type { Rule } from '../types.js';
import { isRecord, valueAt } from './shared.js';

// Versions each recorder writes; anything else will not replay.
const SUPPORTED: Record<string, { path: (string | number)[]; versions: unknown[] }> = {
  'go-vcr-v1': { path: ['version'], versions: [1] },
  'go-vcr-v2': { path: ['version'], versions: [2] },
  vcrpy: { path: ['version'], versions: [1] },
  har: { path: ['log', 'version'], versions: ['1.1', '1.2'] },
  polly: { path: ['log', 'version'], versions: ['1.2'] },
};

export const unsupportedVersion: Rule = {
  id: 'unsupported-version',
  defaultSeverity: 'error',
  category: 'schema',
  description: 'the cassette has no version marker, or one its recorder does not write',
  scope: 'file',
  check({ cassette }) {
    const spec = SUPPORTED[cassette.format];
    if (!spec || !isRecord(cassette.data)) return [];
    // langchain's split cassettes have no version by design.
    if (cassette.format === 'vcrpy' && 'requests' in cassette.data) return [];
    const version = valueAt(cassette.data, spec.path);
    if (version === undefined) {
      // VCR.py never reads `version` (vcr/serialize.py deserialize), so a hand-written cassette without it replays.
      const replays = cassette.format === 'vcrpy';
      const message = `missing \`${spec.path.join('.')}\` (expected ${spec.versions.join(' or ')})${replays ? '; VCR.py replays it, a re-recording adds it' : ''}`;
      return [{ message, path: spec.path.slice(0, -1), severity: replays ? 'warn' : undefined, field: spec.path.join('.') }];
    }
    if (!spec.versions.includes(version)) return [{ message: `unsupported ${spec.path.join('.')} ${JSON.stringify(version)} (expected ${spec.versions.join(' or ')})`, path: spec.path, field: spec.path.join('.') }];
    return [];
  },
};
