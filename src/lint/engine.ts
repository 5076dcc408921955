import { analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange } from '../llm/types.js';
import type { Cassette, Interaction } from '../model/types.js';
import { positionAt } from '../source/document.js';
import type { Finding, Rule, RuleContext, SeveritySetting } from './types.js';

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** Run the rules over one cassette; findings come back sorted by position, with severities applied. */
export function lintCassette(cassette: Cassette, rules: readonly Rule[], settings: ReadonlyMap<string, RuleSetting>, fileSize: number, provider?: string): Finding[] {
  const memo = new Map<Interaction, LlmExchange | undefined>();
  const llm = (i: Interaction) => {
    if (!memo.has(i)) {
      let exchange: LlmExchange | undefined;
      try {
        exchange = analyzeInteraction(i, { provider });
      } catch {
        exchange = undefined;
      }
      memo.set(i, exchange);
    }
    return memo.get(i);
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = settings.get(rule.id);
    const severity: SeveritySetting = setting?.severity ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const context: RuleContext = { cassette, options: setting?.options ?? {}, fileSize, llm };
    for (const report of rule.check(context)) {
      const interaction = report.interaction === undefined ? undefined : interactionAt(cassette, report.interaction);
      const position = report.offset !== undefined ? positionAt(cassette.text, report.offset) : report.path ? cassette.locate(report.path) : undefined;
      findings.push({
        ruleId: rule.id,
        severity: severity === 'warn' ? 'warn' : (report.severity ?? severity),
        message: report.message,
        line: position?.line,
        column: position?.column,
        interaction: report.interaction,
        path: report.path,
        fix: report.fix,
        method: interaction?.request.method,
        url: interaction?.request.url,
        field: report.field,
      });
    }
  }
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId));
}

function interactionAt(cassette: Cassette, index: number): Interaction | undefined {
  const byPosition = cassette.interactions[index];
  return byPosition?.index === index ? byPosition : cassette.interactions.find((i) => i.index === index);
}
