import { renderShowText, warningText } from '../../render/show-text.js';
import { cassetteJson } from '../../render/show-json.js';
import { buildShowReport } from '../../show/build.js';
import { exitCodeFor } from '../../exit-code.js';
import { parseInteractionSpecs } from '../interaction-spec.js';
import { forEachCassette } from '../load-files.js';
import { paletteFor, terminalWidth, useColor, writeOut } from '../terminal.js';

export interface ShowFlags {
  json?: boolean;
  full?: boolean;
  headers?: boolean;
  mask?: boolean;
  raw?: boolean;
  color?: boolean;
  interaction?: string[];
  format?: string;
  provider?: string;
}

export function showCommand(paths: string[], flags: ShowFlags): void {
  const only = parseInteractionSpecs(flags.interaction ?? []);
  const mask = flags.mask !== false;
  let cassettes = 0;
  const palette = paletteFor(!flags.json && useColor(flags));
  const jsonOptions = { mask, headers: Boolean(flags.headers) };
  const textOptions = { palette, width: terminalWidth(), full: Boolean(flags.full), headers: Boolean(flags.headers), mask, raw: Boolean(flags.raw) };
  let first = true;
  const errors = forEachCassette(paths, { format: flags.format, label: 'show' }, (cassette) => {
    const report = buildShowReport(cassette, { only, provider: flags.provider });
    if (flags.json) {
      // Stream one cassette at a time so a large run never holds every file in memory.
      writeOut((cassettes++ === 0 ? '{\n  "cassettes": [\n' : ',\n') + indent(JSON.stringify(cassetteJson(report, jsonOptions), null, 2), 4));
      return;
    }
    writeOut((first ? '' : '\n') + renderShowText(report, textOptions));
    first = false;
    // Warnings also go to stderr so they are seen when stdout is piped away.
    if (!process.stdout.isTTY) for (const w of report.warnings) process.stderr.write(`warning: ${warningText(cassette.path, w)}\n`);
  });
  if (flags.json) {
    const head = cassettes === 0 ? '{\n  "cassettes": [' : '\n  ';
    writeOut(`${head}],\n  "errors": ${indent(JSON.stringify(errors, null, 2), 2).trimStart()}\n}\n`);
  }
  for (const e of errors) process.stderr.write(`error: ${e.message}\n`);
  process.exitCode = exitCodeFor({ inputErrors: errors.length });
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text.replace(/^/gm, pad);
}
