import type { TerminalLayout } from '../../render/fit.js';
import { renderShowTextStream } from '../../render/show-text.js';
import { createShowJsonWriter } from '../../render/show-json-stream.js';
import { exitCodeFor } from '../../exit-code.js';
import { CassetteInputError, UsageError } from '../../model/errors.js';
import { parseInteractionSpecs, selectionError } from '../interaction-spec.js';
import { forEachCassetteStream, reportInputs, type InputOutcome } from '../load-files.js';
import { loadTerminalLayout, paletteFor, terminalWidth, useColor, writeOut } from '../terminal.js';

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
      : showText(paths, flags, only, mask, await loadTerminalLayout());
  reportInputs(outcome);
  process.exitCode = exitCodeFor({ inputErrors: outcome.errors.length });
}

/** `-i 99` on a 2-interaction cassette is an error for that file (exit 2), as `diff --to 99` is. */
function checkSelection(flags: ShowFlags, count: number): void {
  const message = selectionError(flags.interaction ?? [], count);
  if (message) throw new CassetteInputError(message);
}

const POLICY = { label: 'show', namedNonCassette: 'error' } as const;

function showJson(paths: string[], flags: ShowFlags, only: ReadonlySet<number> | undefined, mask: boolean): InputOutcome {
  const writer = createShowJsonWriter(writeOut, { mask, headers: Boolean(flags.headers) });
  const outcome = forEachCassetteStream(paths, { ...POLICY, format: flags.format }, (stream) => {
    checkSelection(flags, stream.interactionCount);
    writer.cassette(stream, { only, provider: flags.provider });
  });
  writer.end(outcome.errors);
  return outcome;
}

function showText(paths: string[], flags: ShowFlags, only: ReadonlySet<number> | undefined, mask: boolean, layout: TerminalLayout | undefined): InputOutcome {
  const textOptions = { palette: paletteFor(useColor(flags)), width: terminalWidth(), full: Boolean(flags.full), headers: Boolean(flags.headers), mask, raw: Boolean(flags.raw) };
  let first = true;
  return forEachCassetteStream(paths, { ...POLICY, format: flags.format }, (stream) => {
    checkSelection(flags, stream.interactionCount);
    const { text } = renderShowTextStream(stream, { only, provider: flags.provider }, textOptions);
    // On a terminal, rows longer than it (URLs, ids, tool calls) wrap with an indent.
    writeOut((first ? '' : '\n') + (layout ? layout.fit(text) : text));
    first = false;
    // Warnings are printed once, inline under the cassette they concern (not again on stderr, which
    // would show them twice on a terminal): stderr is for the run's own errors and skipped files.
  });
}
