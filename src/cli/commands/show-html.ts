import { statSync, writeFileSync } from 'node:fs';
import { genaiPrices } from '../../cost/genai-prices.js';
import { RULES } from '../../lint/rules/index.js';
import { CassetteInputError, UsageError } from '../../model/errors.js';
import { renderShowHtml } from '../../render/html/page.js';
import { buildHtmlCassetteStream, type HtmlCassetteReport } from '../../show/html-report.js';
import type { Cassette } from '../../model/types.js';
import { selectionError } from '../interaction-spec.js';
import { isOneOfInputs } from '../same-file.js';
import { forEachCassetteStream, type InputOutcome } from '../load-files.js';
import { writeOut } from '../terminal.js';
import { VERSION } from '../version.js';

export interface ShowHtmlFlags {
  output?: string | undefined;
  format?: string | undefined;
  provider?: string | undefined;
  interaction?: string[] | undefined;
}

/** `show --html`: one page for every cassette named, to stdout or to `-o FILE`. Returns the unreadable and skipped files. */
export function showHtml(paths: string[], flags: ShowHtmlFlags, only: ReadonlySet<number> | undefined, mask: boolean): InputOutcome {
  const cassettes: HtmlCassetteReport[] = [];
  const read: string[] = [];
  // Read one interaction at a time, as `lint` reads: findings are placed from their own interaction's text.
  const outcome = forEachCassetteStream(paths, { label: 'show', namedNonCassette: 'error', format: flags.format }, (stream) => {
    read.push(stream.cassette.path);
    // As in `show -i`: an index the cassette does not have is an error for that file (exit 2).
    const outOfRange = selectionError(flags.interaction ?? [], stream.interactionCount);
    if (outOfRange) throw new CassetteInputError(outOfRange);
    cassettes.push(buildHtmlCassetteStream(stream, { only, provider: flags.provider, prices: genaiPrices, rules: RULES, fileSize: storedSize(stream.cassette) }));
  });
  const page = renderShowHtml({ cassettes, errors: outcome.errors }, { mask, generator: `cassette ${VERSION}` });
  // `-o -` is standard output, as in most tools, never a file named `-`.
  if (flags.output === undefined || flags.output === '-') writeOut(page);
  else {
    // Input files are never modified: `-o` naming one of them would replace a cassette with the page.
    if (isOneOfInputs(flags.output, [...read, ...outcome.errors.map((e) => e.path)])) throw new UsageError(`${flags.output}: is one of the input files; the page would overwrite it`);
    try {
      writeFileSync(flags.output, page);
    } catch (error) {
      throw new UsageError(`${flags.output}: cannot write the page (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return outcome;
}

/** The file-size lint rule wants the size on disk; stdin and vanished files fall back to the text. */
function storedSize(cassette: Cassette): number {
  try {
    return statSync(cassette.path).size;
  } catch {
    return Buffer.byteLength(cassette.text);
  }
}
