import { relative } from 'node:path/posix';
import type { Formatter } from './types.js';

const UNREADABLE = { id: 'unreadable-file', shortDescription: { text: 'the file could not be read as a cassette (invalid YAML or JSON, no recorder format matches)' }, defaultConfiguration: { level: 'error' }, properties: { category: 'input' } };

/** SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards. */
export const sarif: Formatter = (results, { rules, cwd, version }) => {
  const uri = (path: string) => (path.startsWith('/') ? relative(cwd, path) : path).replace(/\\/g, '/');
  const run = {
    tool: {
      driver: {
        name: 'cassette',
        version,
        informationUri: 'https://github.com/cassette-dev/cassette',
        rules: [
          ...rules.map((r) => ({ id: r.id, shortDescription: { text: r.description }, defaultConfiguration: { level: r.defaultSeverity === 'error' ? 'error' : 'warning' }, properties: { category: r.category } })),
          // Not a lint rule: a file that could not be read as a cassette. Declared so every ruleId resolves.
          UNREADABLE,
        ],
      },
    },
    results: results.flatMap((r) =>
      [
        ...(r.error ? [{ ruleId: UNREADABLE.id, ruleIndex: rules.length, level: 'error', message: { text: r.error }, locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.filePath) }, ...(r.errorAt ? { region: { startLine: r.errorAt.line, startColumn: r.errorAt.column } } : {}) } }] }] : []),
        ...r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: rules.findIndex((x) => x.id === f.ruleId),
            level: f.severity === 'error' ? 'error' : 'warning',
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.filePath) }, region: { startLine: f.line ?? 1, startColumn: f.column ?? 1 } } }],
          })),
      ],
    ),
  };
  return `${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2)}\n`;
};
