import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/corpus.js';

const TOOL_LOOP = join(SAMPLES, 'go-vcr-v2/openrouter-chat-stream-tool-loop.yaml');

describe('show --html', () => {
  it('writes the page to stdout', () => {
    const r = cli(['show', '--html', TOOL_LOOP]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('-o - is standard output, not a file named -', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-html-dash-'));
    const r = cli(['show', '--html', '-o', '-', TOOL_LOOP], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(cli(['show', '--html', TOOL_LOOP]).stdout);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('writes one page for a directory, with a list of its cassettes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-html-'));
    const page = join(dir, 'report.html');
    const r = cli(['show', '--html', join(SAMPLES, 'go-vcr-v1'), '-o', page]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(page, 'utf8');
    expect(html.match(/<section class="cassette" id="c\d+">/g)).toHaveLength(2);
    expect(html).toContain('<nav><ol><li><a href="#c0" class="mono">');
  });

  it('keeps going past a broken file: listed on the page and on stderr, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-html-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'version: 2\ninteractions:\n  - request: [unclosed\n');
    const page = join(dir, 'report.html');
    const r = cli(['show', '--html', TOOL_LOOP, broken, '-o', page]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: .*broken\.yaml.*\n$/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('Files that could not be read');
    expect(html).toContain('Do I need an umbrella in Lisbon tomorrow?');
  });

  it.each([
    [['--json', '--html'], 'choose one of --json, --html'],
    [['-o', 'x.html'], '-o/--output is for --html'],
    [['--html', '-o', '/nonexistent-dir/x.html'], '/nonexistent-dir/x.html: cannot write the page (ENOENT)'],
  ])('%j is a one-line usage error, exit 2', (args, message) => {
    const r = cli(['show', ...args, TOOL_LOOP]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`cassette: ${message}\n`);
  });

  it('-o naming one of the inputs (a cassette read, or a broken one; through a link or a folder) is refused and the file kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-html-self-'));
    const cassette = join(dir, 'c.json');
    const broken = join(dir, 'broken.json');
    const original = readFileSync(join(SAMPLES, 'nock/openai-chat.json'));
    writeFileSync(cassette, original);
    writeFileSync(broken, '[{"scope": "https://api.openai.com:443"');
    symlinkSync(cassette, join(dir, 'link.json'));
    for (const [output, inputs] of [[cassette, [cassette]], [join(dir, 'link.json'), [cassette]], [cassette, [dir]], [broken, [broken]]] as const) {
      const r = cli(['show', '--html', '-o', output, ...inputs]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`cassette: ${output}: is one of the input files; the page would overwrite it\n`);
    }
    expect(readFileSync(cassette)).toEqual(original);
    expect(readFileSync(broken, 'utf8')).toBe('[{"scope": "https://api.openai.com:443"');
    expect(cli(['show', '--html', '-o', join(dir, 'page.html'), cassette]).status).toBe(0);
  });

  it('show --json keeps inline image data out of its contract', () => {
    const r = cli(['show', '--json', join(SAMPLES, 'go-vcr-v2/openai-chat-image-input.yaml')]);
    const parts = JSON.parse(r.stdout).cassettes[0].interactions[0].llm.request.messages[0].parts;
    expect(parts).toEqual([{ type: 'image', summary: 'image/png, 0 KB inline' }]);
    expect(r.stdout).not.toContain('iVBORw0KGgo');
  });
});
