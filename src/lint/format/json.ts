import type { Formatter } from './types.js';

/** ESLint-compatible result objects, so existing tooling (reviewdog, SonarQube importers) reads them. */
export const json: Formatter = (results) =>
  `${JSON.stringify(
    results.map((r) => {
      const messages = [
        ...(r.error ? [{ ruleId: null, severity: 2, message: r.error, line: r.errorAt?.line ?? 1, column: r.errorAt?.column ?? 1, fatal: true }] : []),
        ...r.findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity === 'error' ? 2 : 1,
            message: f.message,
            line: f.line ?? 1,
            column: f.column ?? 1,
            interaction: f.interaction ?? null,
            ...(f.fix ? { fix: { edits: f.fix } } : {}),
          })),
      ];
      return {
        filePath: r.filePath,
        messages,
        errorCount: messages.filter((m) => m.severity === 2).length,
        warningCount: messages.filter((m) => m.severity === 1).length,
        fixableErrorCount: r.findings.filter((f) => f.fix && f.severity === 'error').length,
        fixableWarningCount: r.findings.filter((f) => f.fix && f.severity === 'warn').length,
      };
    }),
    null,
    2,
  )}\n`;
