import { renderShowTextStream, writeShowTextStream } from '../../render/show-text.js';
import { createShowJsonWriter, writeCassetteJson } from '../../render/show-json-stream.js';
import { exitCodeFor } from '../../exit-code.js';
import { openCassette, type CassetteStream } from '../../load.js';
import { CassetteInputError, UsageError } from '../../model/errors.js';
import { BrokeMidway, untilBroken, type FileWork } from '../file-work.js';
import { parseInteractionSpecs, selectionError } from '../interaction-spec.js';
import { forEachFile, reportInputs } from '../load-files.js';
import { checkProviderFlag } from '../provider-flag.js';
import { outputColumns, paletteFor, prepareColor, terminalWidth, useColor, writeOut } from '../terminal.js';

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
  checkProviderFlag(flags.provider);
  const mask = flags.mask !== false;
  if (flags.json && flags.html) throw new UsageError('choose one of --json, --html');
  if (flags.output !== undefined && !flags.html) throw new UsageError('-o/--output is for --html');
  if (flags.html) {
    // The page renderer is only loaded when a page is asked for.
    const outcome = (await import('./show-html.js')).showHtml(paths, flags, only, mask);
    reportInputs(outcome);
    process.exitCode = exitCodeFor({ inputErrors: outcome.errors.length });
    return;
  }
  const color = !flags.json && useColor(flags);
  paletteFor(color); // lets our own colour codes through the output guard
  const options: ShowWorkOptions = {
    json: Boolean(flags.json), only, interaction: flags.interaction ?? [], provider: flags.provider, format: flags.format,
    mask, headers: Boolean(flags.headers), full: Boolean(flags.full), raw: Boolean(flags.raw), color, width: terminalWidth(),
    // On a terminal, rows longer than it (URLs, ids, tool calls) wrap with an indent.
    fitColumns: flags.json ? undefined : outputColumns(),
  };
  const policy = { label: 'show', namedNonCassette: 'error' } as const;
  const job = { name: 'show', options } as const;
  let outcome;
  if (flags.json) {
    const writer = createShowJsonWriter(writeOut);
    outcome = await forEachFile(paths, policy, job, () => {}, { begin: writer.begin, write: writer.text });
    writer.end(outcome.errors);
  } else {
    let first = true;
    outcome = await forEachFile(paths, policy, job, () => {}, {
      begin: () => {
        if (!first) writeOut('\n');
        first = false;
      },
    });
    // Warnings are printed once, inline under the cassette they concern (not again on stderr, which
    // would show them twice on a terminal): stderr is for the run's own errors and skipped files.
  }
  reportInputs(outcome);
  process.exitCode = exitCodeFor({ inputErrors: outcome.errors.length });
}

/** What `show` does to one file, as plain options (see src/cli/jobs.ts). */
export interface ShowWorkOptions {
  json: boolean;
  only: ReadonlySet<number> | undefined;
  interaction: string[];
  provider: string | undefined;
  format: string | undefined;
  mask: boolean;
  headers: boolean;
  full: boolean;
  raw: boolean;
  color: boolean;
  width: number;
  /** The terminal's columns, when text rows must fit it. */
  fitColumns: number | undefined;
}

/** One cassette's part of `show`'s output: its JSON (streamed) or its text. */
export async function showWork(o: ShowWorkOptions): Promise<FileWork<CassetteStream, void>> {
  await prepareColor({ color: o.color, json: o.json });
  const textOptions = { palette: paletteFor(o.color), width: o.width, full: o.full, headers: o.headers, mask: o.mask, raw: o.raw };
  const showOptions = { only: o.only, provider: o.provider };
  const layout = o.fitColumns === undefined ? undefined : (await import('../../render/fit.js')).terminalLayout(o.fitColumns);
  return {
    rereads: true,
    load: (bytes, file, reread) => openCassette(bytes, file.path, { format: o.format, reread }),
    process(stream, _file, _input, write) {
      // `-i 99` on a 2-interaction cassette is an error for that file (exit 2), as `diff --to 99` is.
      const message = selectionError(o.interaction, stream.interactionCount);
      if (message) throw new CassetteInputError(message);
      if (!o.json) {
        // A file cut midway: what was read is shown, then the break is the file's error (as with --json).
        const read = untilBroken(stream.interactions());
        const cut = { ...stream, interactions: () => read.items };
        // Fitted to a terminal's columns the text is laid out whole; else it goes out in pieces (less memory).
        if (layout) write(layout.fit(renderShowTextStream(cut, showOptions, textOptions).text));
        else writeShowTextStream(cut, showOptions, textOptions, write);
        if (read.broken() !== undefined) throw new BrokeMidway(read.broken());
        return;
      }
      try {
        writeCassetteJson(write, stream, showOptions, { mask: o.mask, headers: o.headers });
      } catch (error) {
        throw new BrokeMidway(error);
      }
    },
  };
}
