import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTable, displayWidth, type TableColumn } from '../../src/render/table.js';
import { cli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/corpus.js';

/** The lines of `text` wider than `width` terminal columns (display width: wide characters count 2). */
const over = (text: string, width: number) => text.split('\n').filter((line) => displayWidth(line) > width);

describe('narrow terminals: no line wider than the width (no tmux needed)', () => {
  // Every sample: long model names, a recorded list price, a reason that wraps, several cassettes.
  for (const width of [20, 30, 40, 48, 54, 60, 80]) {
    for (const args of [['cost'], ['cost', '--by', 'model'], ['cost', '--by', 'cassette', '--max-cost', '0.01']]) {
      it(`${args.join(' ')} at ${width} columns`, () => {
        const r = cli([...args, SAMPLES], { env: { COLUMNS: String(width) } });
        expect(r.stdout).toContain('LLM call');
        expect(over(r.stdout, width)).toEqual([]);
      });
    }
  }

  for (const args of [['show', join(SAMPLES, 'go-vcr-v2')], ['lint', SAMPLES], ['diff', join(SAMPLES, 'go-vcr-v2/mixed-prices.yaml'), join(SAMPLES, 'go-vcr-v2/mixed-usage.yaml')]]) {
    it(`${args[0]} at 40 columns`, () => {
      const r = cli(args, { env: { COLUMNS: '40' } });
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(over(r.stdout, 40)).toEqual([]);
    });
  }

  it('a table that cannot fit becomes one record a row, every cell named', () => {
    const columns: TableColumn[] = [
      { header: '#', align: 'right' },
      { header: 'model', fit: 'name', min: 8 },
      { header: 'input', align: 'right' },
      { header: 'cache', align: 'right', drop: 0 },
      { header: 'cost', align: 'right' },
      { header: '', drop: 2 },
    ];
    const rows = [
      ['0', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', '300,000', '0', '$1.8450', '█████'],
      { line: 'a/long/path/to/the/cassette.yaml', keep: 'end' as const },
      ['', 'total', '300,000', '0', '$1.8450'],
    ];
    const out = renderTable(columns, rows, { width: 24 });
    expect(out).toEqual(['0  model us.anthropic.cl', '   aude-sonnet-4-5-20250', '   929-v1:0', '   input 300,000', '   cost $1.8450', '…/to/the/cassette.yaml', 'total  input 300,000', '    cost $1.8450']);
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(24);
    // Wide enough, the table stays a table.
    expect(renderTable(columns, rows, { width: 80 })[0]).toMatch(/^#\s+model\s+input/);
  });
});
