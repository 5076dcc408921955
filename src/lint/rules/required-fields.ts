import type { DocPath } from '../../model/types.js';
import type { Rule, RuleReport } from '../types.js';
import { isRecord, valueAt } from './shared.js';

type Kind = 'string' | 'number' | 'object' | 'list' | 'status';
/** Required keys per format, relative to an interaction, and their types. */
const REQUIRED: Record<string, [string[], Kind][]> = {
  'go-vcr-v1': [[['request'], 'object'], [['request', 'url'], 'string'], [['request', 'method'], 'string'], [['response'], 'object'], [['response', 'code'], 'number']],
  'go-vcr-v2': [[['request'], 'object'], [['request', 'url'], 'string'], [['request', 'method'], 'string'], [['response'], 'object'], [['response', 'code'], 'number']],
  vcrpy: [[['request'], 'object'], [['request', 'uri'], 'string'], [['request', 'method'], 'string'], [['response'], 'object'], [['response', 'status'], 'status']],
  'ruby-vcr': [[['request'], 'object'], [['request', 'uri'], 'string'], [['request', 'method'], 'string'], [['response'], 'object'], [['response', 'status'], 'status']],
  betamax: [[['request'], 'object'], [['request', 'uri'], 'string'], [['request', 'method'], 'string'], [['response'], 'object'], [['response', 'status'], 'status']],
  'r-vcr': [[['request'], 'object'], [['request', 'uri'], 'string'], [['request', 'method'], 'string'], [['response'], 'object'], [['response', 'status'], 'status']],
  har: [[['request', 'method'], 'string'], [['request', 'url'], 'string'], [['response', 'status'], 'number'], [['request', 'headers'], 'list'], [['response', 'headers'], 'list']],
  polly: [[['request', 'method'], 'string'], [['request', 'url'], 'string'], [['response', 'status'], 'number'], [['request', 'headers'], 'list'], [['response', 'headers'], 'list']],
  nock: [[['scope'], 'string'], [['method'], 'string'], [['path'], 'string'], [['status'], 'number']],
};

function typeOk(value: unknown, kind: Kind): boolean {
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'number') return typeof value === 'number';
  if (kind === 'list') return Array.isArray(value);
  if (kind === 'status') return typeof value === 'number' || (isRecord(value) && (typeof value.code === 'number' || typeof value.status_code === 'number'));
  return isRecord(value);
}

/** The document path of key `rel` of the interaction at `docPath` (a split file's interaction is its request). */
function keyPath(docPath: DocPath, rel: string[], split: boolean): DocPath {
  return docPath.concat(split ? rel.slice(1) : rel);
}

export const requiredFields: Rule = {
  id: 'required-fields',
  defaultSeverity: 'error',
  category: 'schema',
  description: 'an interaction misses a key its format requires, or the key has the wrong type',
  check({ cassette }) {
    const required = REQUIRED[cassette.format];
    if (!required) return [];
    const out: RuleReport[] = [];
    for (const i of cassette.interactions) {
      // Split langchain files keep the response elsewhere: check the request keys only.
      const split = i.docPath[0] === 'requests';
      // The interaction's own value, found once: each key is looked up from there, and its path is
      // made only for a finding. Indexed, no destructuring: no iterators where TurboFan is off (large YAML files).
      const item = valueAt(cassette.data, i.docPath);
      for (let r = 0; r < required.length; r++) {
        const rel = required[r]![0];
        const kind = required[r]![1];
        if (split && rel[0] !== 'request') continue;
        const value = valueAt(item, rel, split ? 1 : 0);
        if (value === undefined || value === null) {
          out.push({ message: `missing \`${rel.join('.')}\``, interaction: i.index, path: keyPath(i.docPath, rel, split).slice(0, -1) });
        } else if (!typeOk(value, kind)) {
          out.push({ message: `\`${rel.join('.')}\` should be ${kind === 'status' ? 'a status code' : `a ${kind}`}, not ${Array.isArray(value) ? 'a list' : typeof value}`, interaction: i.index, path: keyPath(i.docPath, rel, split) });
        }
      }
    }
    return out;
  },
};
