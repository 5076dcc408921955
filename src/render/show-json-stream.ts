import type { CassetteStream } from '../load.js';
import { createShowBuilder, type ShowOptions } from '../show/build.js';
import { cassetteHeadJson, interactionJson, warningsJson, type ShowJsonError, type ShowJsonOptions } from './show-json.js';

/**
 * Writes the `show --json` document a piece at a time: each interaction is reassembled, written
 * and let go before the next is read, so memory stays flat however large the cassette.
 */
export interface ShowJsonWriter {
  cassette(stream: CassetteStream, options: ShowOptions): void;
  end(errors: readonly ShowJsonError[]): void;
}

const FLUSH_AT = 1 << 16;

export function createShowJsonWriter(write: (text: string) => void, options: ShowJsonOptions): ShowJsonWriter {
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
    cassette(stream, showOptions) {
      const { cassette } = stream;
      const head = JSON.stringify(cassetteHeadJson(cassette, stream.interactionCount), null, 2);
      out(`${cassettes++ === 0 ? '{\n  "cassettes": [\n' : ',\n'}${indent(head.slice(0, -2), 4)},\n      "interactions": [`);
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
        const warnings = JSON.stringify(warningsJson(builder.warnings()), null, 2);
        out(`${written > 0 ? '\n      ' : ''}],${failed ? '\n      "incomplete": true,' : ''}\n      "warnings": ${indent(warnings, 6).trimStart()}\n    }`);
        flush();
      }
    },
    end(errors) {
      out(`${cassettes === 0 ? '{\n  "cassettes": [' : '\n  '}],\n  "errors": ${indent(JSON.stringify(errors, null, 2), 2).trimStart()}\n}\n`);
      flush();
    },
  };
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
