import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitRows } from '../../src/render/fit.js';

const widest = (text: string) => Math.max(...text.split('\n').map((row) => stringWidth(row)));

describe('fitRows', () => {
  it('keeps text whole for a pipe (no columns) and rows that fit', () => {
    const text = `${'word '.repeat(40)}\n  short`;
    expect(fitRows(text, undefined)).toBe(text);
    expect(fitRows('  short\nrow', 10)).toBe('  short\nrow');
  });

  it('wraps a long row at word boundaries, continuation two past its indent when no column leaves room', () => {
    expect(fitRows('    tool call get_forecast({ "city": "Lisbon" })  [functions.get_forecast:0]', 60).split('\n')).toEqual([
      '    tool call get_forecast({ "city": "Lisbon" })',
      '      [functions.get_forecast:0]',
    ]);
  });

  it('a table row continues under its last column that leaves the text room', () => {
    const row = '#1 → —     removed    0 changes  POST https://api.openai.com/v1/completions  (interaction removed (model gpt-3.5-turbo-instruct))';
    expect(fitRows(row, 100).split('\n')).toEqual([
      '#1 → —     removed    0 changes  POST https://api.openai.com/v1/completions  (interaction removed',
      '                                 (model gpt-3.5-turbo-instruct))',
    ]);
  });

  it('cuts a word wider than the room (a URL) and fills the first row', () => {
    const url = `https://example.com/${'a'.repeat(90)}`;
    const out = fitRows(`#0 POST ${url}  200 OK`, 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out.split('\n')[0]).toHaveLength(40);
    expect(out.replace(/\s+/g, '')).toBe(`#0POST${url}200OK`);
  });

  it('measures display width: wide characters count two columns', () => {
    const out = fitRows(`  user      ${'雨が降る '.repeat(10)}`, 50);
    expect(widest(out)).toBeLessThanOrEqual(50);
    expect(out.split('\n')).toEqual([`  user      ${'雨が降る '.repeat(4).trimEnd()}`, `            ${'雨が降る '.repeat(4).trimEnd()}`, `            ${'雨が降る '.repeat(2).trimEnd()}`]);
  });

  it('counts a tab as the columns to the next stop of 8, as the terminal moves', () => {
    expect(fitRows('a\tb', 20)).toBe('a       b');
    const out = fitRows(`    ${'x\t'.repeat(12)}`, 40);
    expect(out.split('\n').length).toBeGreaterThan(1);
    expect(widest(out)).toBeLessThanOrEqual(40);
  });

  it('keeps colours: every row fits and the visible text is unchanged', () => {
    const c = new Chalk({ level: 2 });
    const row = `${c.dim('    reasoning')} ${c.gray('the model thought about the weather in Lisbon for quite a long time')}  ${c.magenta('[id]')}`;
    const out = fitRows(row, 40);
    expect(out).toContain('\x1b[');
    expect(widest(out)).toBeLessThanOrEqual(40);
    const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain(out).replace(/\s+/g, '')).toBe(plain(row).replace(/\s+/g, ''));
  });
});
