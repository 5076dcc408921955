import type { CassetteStream } from '../load.js';
import { createShowBuilder, type ShowOptions } from '../show/build.js';
import { cassetteHeadJson, interactionJson, warningsJson, type ShowJsonError, type ShowJsonOptions } from './show-json.js';

/**
 * Writes the `show --json` document a piece at a time: each interaction is reassembled, written
 * and let go before the next is read (writeCassetteJson), so memory stays flat however large the cassette.
 */
export interface ShowJsonWriter {
  /** Start the next cassette's part: the document's opening, or a comma after the part before. */
  begin(): void;
  /** Part of the current cassette's text, as writeCassetteJson makes it (here or in a worker thread). */
  text(part: string): void;
  end(errors: readonly ShowJsonError[]): void;
}

const FLUSH_AT = 1 << 16;

export function createShowJsonWriter(write: (text: string) => void): ShowJsonWriter {
  let buffer = '';
  let cassettes = 0;
  const out = (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_AT) flush();
  };
  const flush = () => {
    if (buffer) write(buffer);
    buffer = '';
  };
  return {
    begin() {
      flush(); // the cassette before is complete: let it out
      out(cassettes++ === 0 ? '{\n  "cassettes": [\n' : ',\n');
    },
    text: out,
    end(errors) {
      out(`${cassettes === 0 ? '{\n  "cassettes": [' : '\n  '}],\n  "errors": ${indent(JSON.stringify(errors, null, 2), 2).trimStart()}\n}\n`);
      flush();
    },
  };
}

/**
 * One cassette's part of the `show --json` document (without what separates it from the one
 * before), given to `out` a piece at a time. When the file breaks midway the part is closed,
 * marked `"incomplete": true`, and the error is thrown on.
 */
export function writeCassetteJson(out: (text: string) => void, stream: CassetteStream, showOptions: ShowOptions, options: ShowJsonOptions): void {
  const { cassette } = stream;
  const head = JSON.stringify(cassetteHeadJson(cassette, stream.interactionCount), null, 2);
  out(`${indent(head.slice(0, -2), 4)},\n      "interactions": [`);
  const builder = createShowBuilder(cassette, showOptions);
  let written = 0;
  let failed = false;
  try {
    for (const interaction of stream.interactions()) {
      const shown = builder.add(interaction);
      if (shown) out(`${written++ === 0 ? '\n' : ',\n'}${nested(interactionJson(shown, options))}`);
    }
  } catch (error) {
    failed = true; // the file broke midway: close what was written, the caller reports the error
    throw error;
  } finally {
    const warnings = JSON.stringify(warningsJson(builder.warnings(), options.mask), null, 2);
    out(`${written > 0 ? '\n      ' : ''}],${failed ? '\n      "incomplete": true,' : ''}\n      "warnings": ${indent(warnings, 6).trimStart()}\n    }`);
  }
}

/**
 * An interaction as it sits in the document, 8 spaces in: JSON.stringify indents it natively when
 * it is wrapped in four arrays, whose fixed 20-character opening and closing are then cut off.
 */
function nested(value: object): string {
  return JSON.stringify([[[[value]]]], null, 2).slice(20, -20);
}

/** JSON.stringify never leaves a raw newline inside a string, so every newline starts a line. */
function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return pad + text.replaceAll('\n', `\n${pad}`);
}
