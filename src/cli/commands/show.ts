import { renderShowText, warningText } from '../../render/show-text.js';
import { createShowJsonWriter } from '../../render/show-json-stream.js';
import { buildShowReport } from '../../show/build.js';
import { exitCodeFor } from '../../exit-code.js';
import { UsageError } from '../../model/errors.js';
import { parseInteractionSpecs } from '../interaction-spec.js';
import { forEachCassette, forEachCassetteStream, reportInputs, type InputOutcome } from '../load-files.js';
import { paletteFor, terminalWidth, useColor, writeOut } from '../terminal.js';

export interface ShowFlags {
  json?: boolean;
  html?: boolean;
  output?: string;
  full?: boolean;
  headers?: boolean;
  mask?: boolean;
  raw?: boolean;
  color?: boolean;
  interaction?: string[];
  format?: string;
  provider?: string;
}

export async function showCommand(paths: string[], flags: ShowFlags): Promise<void> {
  const only = parseInteractionSpecs(flags.interaction ?? []);
  const mask = flags.mask !== false;
  if (flags.json && flags.html) throw new UsageError('choose one of --json, --html');
  if (flags.output !== undefined && !flags.html) throw new UsageError('-o/--output is for --html');
  // The page renderer is only loaded when a page is asked for.
  const outcome = flags.html
    ? (await import('./show-html.js')).showHtml(paths, flags, only, mask)
    : flags.json
      ? showJson(paths, flags, only, mask)
      : showText(paths, flags, only, mask);
  reportInputs(outcome);
  process.exitCode = exitCodeFor({ inputErrors: outcome.errors.length });
}

const POLICY = { label: 'show', namedNonCassette: 'error' } as const;

function showJson(paths: string[], flags: ShowFlags, only: ReadonlySet<number> | undefined, mask: boolean): InputOutcome {
  const writer = createShowJsonWriter(writeOut, { mask, headers: Boolean(flags.headers) });
  const outcome = forEachCassetteStream(paths, { ...POLICY, format: flags.format }, (stream) => {
    writer.cassette(stream, { only, provider: flags.provider });
  });
  writer.end(outcome.errors);
  return outcome;
}

function showText(paths: string[], flags: ShowFlags, only: ReadonlySet<number> | undefined, mask: boolean): InputOutcome {
  const textOptions = { palette: paletteFor(useColor(flags)), width: terminalWidth(), full: Boolean(flags.full), headers: Boolean(flags.headers), mask, raw: Boolean(flags.raw) };
  let first = true;
  return forEachCassette(paths, { ...POLICY, format: flags.format }, (cassette) => {
    const report = buildShowReport(cassette, { only, provider: flags.provider });
    writeOut((first ? '' : '\n') + renderShowText(report, textOptions));
    first = false;
    // Warnings also go to stderr so they are seen when stdout is piped away.
    if (!process.stdout.isTTY) for (const w of report.warnings) process.stderr.write(`warning: ${warningText(cassette.path, w)}\n`);
  });
}
