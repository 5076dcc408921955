import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCassette, openCassette } from '../../src/load.js';
import { PLAIN } from '../../src/render/palette.js';
import { renderShowText, renderShowTextStream, writeShowTextStream } from '../../src/render/show-text.js';
import { buildShowReport } from '../../src/show/build.js';

// `show` on a large cassette writes its text in pieces rather than as one string (less memory): the
// pieces must make exactly the text of the whole-cassette renderer, warnings first.
describe('writeShowTextStream', () => {
  const sample = readFileSync('samples/go-vcr-v2/openai-chat-stream-text.yaml', 'utf8');
  const [head, item] = sample.split(/(?=^ {4}- id: 0$)/m) as [string, string];
  // 200 copies of the interaction: about 140 KiB of text shown.
  const items = Array.from({ length: 200 }, (_, i) => item.replace('- id: 0', `- id: ${i}`)).join('');
  const text = `${head}${items}`;
  const options = { palette: PLAIN, width: 80, full: false, headers: false, mask: true, raw: false };
  const showOptions = { only: undefined, provider: undefined };

  it('gives, piece by piece, the text renderShowText and renderShowTextStream give', () => {
    const pieces: string[] = [];
    const warnings = writeShowTextStream(openCassette(text, 'big.yaml'), showOptions, options, (piece) => void pieces.push(piece));
    const whole = renderShowText(buildShowReport(loadCassette(text, 'big.yaml'), showOptions), options);
    expect(pieces.join('')).toBe(whole);
    expect(renderShowTextStream(openCassette(text, 'big.yaml'), showOptions, options).text).toBe(whole);
    expect(warnings).toEqual(renderShowTextStream(openCassette(text, 'big.yaml'), showOptions, options).warnings);
    // Several pieces, none much over 64 KiB, each ending where a block ends (the next starts a line).
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThan((1 << 16) + 4096);
    for (const piece of pieces.slice(1)) expect(piece.startsWith('\n\n#') || piece === '\n').toBe(true);
  });
});
