import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { NARROW_GLYPHS, displayWidth, renderTable, shorten, wrap, type TableColumn } from '../../src/render/table.js';

const columns: TableColumn[] = [
  { header: 'name', fit: 'name', min: 6, comfortable: 10 },
  { header: 'n', align: 'right' },
  { header: 'extra', drop: 1 },
  { header: 'reason', fit: 'text', min: 8 },
];
const rows = [
  ['a-very-long-model-name-indeed', '1', 'x', 'short'],
  ['b', '22', 'y', 'a much longer free text reason'],
];

describe('table layout', () => {
  it('prints natural widths without a width, no trailing spaces', () => {
    expect(renderTable(columns, rows)).toEqual([
      'name                            n  extra  reason',
      'a-very-long-model-name-indeed   1  x      short',
      'b                              22  y      a much longer free text reason',
    ]);
  });

  it('wraps text first, then cuts very long names, then drops columns, then cuts names to fit', () => {
    const at40 = renderTable(columns, rows, { width: 40 });
    for (const line of at40) expect(line.length).toBeLessThanOrEqual(40);
    expect(at40[0]).toContain('extra');
    expect(at40.join('\n')).toContain('a-very-long-model-…');
    const at28 = renderTable(columns, rows, { width: 28 });
    for (const line of at28) expect(line.length).toBeLessThanOrEqual(28);
    expect(at28[0]).not.toContain('extra');
  });

  it('a narrow last text column keeps its first line; the rest reads on below the row, across the table', () => {
    const wide: TableColumn[] = [{ header: '#' }, { header: 'model', fit: 'name', min: 20 }, { header: 'source', fit: 'text', min: 8 }];
    const out = renderTable(wide, [['1', 'amazon.nova-lite-v1:0', 'unknown: no usage recorded (streamed without stream_options.include_usage)']], { width: 44 });
    expect(out).toEqual([
      '#  model                  source',
      '1  amazon.nova-lite-v1:0  unknown: no usage',
      '     recorded (streamed without',
      '     stream_options.include_usage)',
    ]);
    // Room for 20 columns of text: it wraps in its column as before.
    const roomy = renderTable(wide, [['1', 'amazon.nova-lite-v1:0', 'unknown: no usage recorded (HTTP 429) and more']], { width: 50 });
    expect(roomy.slice(1)).toEqual(['1  amazon.nova-lite-v1:0  unknown: no usage', '                          recorded (HTTP 429) and', '                          more']);
  });

  it('keeps a group line whole without a width, its tail when cut', () => {
    expect(renderTable(columns, [{ line: 'dir/sub/file.yaml' }], { width: 12 }).at(-1)).toBe('…/file.yaml');
    expect(renderTable(columns, [{ line: 'dir/sub/file.yaml' }])[1]).toBe('dir/sub/file.yaml');
  });

  it('shortens and wraps by display width', () => {
    expect(shorten('abcdef', 4, 'start')).toBe('abc…');
    expect(shorten('漢字漢字', 5, 'start')).toBe('漢字…');
    expect(wrap('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('displayWidth', () => {
  it('measures our own glyphs without string-width exactly as string-width does, alone and among ASCII', () => {
    for (const g of NARROW_GLYPHS) {
      for (const text of [g, `a${g}b`, `${g}${g} x`, `${g} ${NARROW_GLYPHS}`]) expect(displayWidth(text), text).toBe(stringWidth(text));
    }
  });

  it('gives other text to string-width: wide, combining, emoji, a glyph with a variation selector', () => {
    for (const text of ['日本語', 'e\u0301', '\u{1F600}', '\u2714\ufe0f', 'a\u200db', '\u2588\u0301']) expect(displayWidth(text), text).toBe(stringWidth(text));
  });
});

