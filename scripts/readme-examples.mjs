// The README's console examples, as tests and as a refresh script (`npm run readme:update`).
//
// Every ```console block whose first line is `$ cassette …` is a list of commands: each `$ ` line is
// run from the repository root with the built bin, colour off and a terminal of WIDTH columns, and
// the lines after it (to the next `$ ` line, blank lines at the end left out) are its stdout and
// stderr. A line that is only `…` stands for any number of lines the example leaves out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const README = join(ROOT, 'README.md');
/** The terminal width the examples are printed at (`COLUMNS`, which cassette reads when stdout is not a terminal). */
export const WIDTH = 100;
export const ELLIPSIS = '…';

/**
 * @typedef {{ line: number, command: string, args: string[], expected: string[], start: number, end: number }} Example
 * `line` is the 1-based README line of the `$ ` command; `start`/`end` index the output lines in the file.
 */

/** @param {string} text README text @returns {Example[]} */
export function readmeExamples(text) {
  const lines = text.split('\n');
  /** @type {Example[]} */
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```console' || !lines[i + 1]?.startsWith('$ cassette ')) continue;
    let j = i + 1;
    while (j < lines.length && lines[j] !== '```') {
      const command = lines[j].slice(2);
      const start = j + 1;
      let end = start;
      while (end < lines.length && lines[end] !== '```' && !lines[end].startsWith('$ ')) end++;
      const expected = lines.slice(start, end);
      while (expected.length && expected[expected.length - 1] === '') expected.pop();
      out.push({ line: j + 1, command, args: splitArgs(command).slice(1), expected, start, end: start + expected.length });
      j = end;
    }
    i = j;
  }
  return out;
}

/** Shell-like words: spaces separate, single and double quotes group. @param {string} command */
export function splitArgs(command) {
  /** @type {string[]} */
  const words = [];
  for (const m of command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/** The `../shared/…` path an example reads that is absent here (a fresh clone), if any. @param {Example} example */
export function missingShared(example) {
  return example.args.find((a) => a.startsWith('../shared/') && !existsSync(resolve(ROOT, a)));
}

/** Run one example as a person at a WIDTH-column terminal would, colour off. @param {Example} example */
export function runExample(example) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/cassette.js'), ...example.args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', COLUMNS: String(WIDTH), CASSETTE_DEBUG: '' },
    encoding: 'utf8',
    input: '',
    timeout: 120_000,
  });
  const lines = `${result.stdout}${result.stderr}`.split('\n');
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The expected lines with each `…` filled from `actual` when the rest matches in order, else the
 * expected lines as written: comparing the result with `actual` is then an exact test with a diff.
 * @param {string[]} expected @param {string[]} actual
 */
export function fillEllipses(expected, actual) {
  const parts = [[]];
  for (const line of expected) line === ELLIPSIS ? parts.push([]) : parts[parts.length - 1].push(line);
  if (parts.length === 1) return expected;
  const [head, ...rest] = parts;
  const tail = rest.pop();
  if (!startsWith(actual, head, 0) || actual.length < head.length + tail.length || !startsWith(actual, tail, actual.length - tail.length)) return expected;
  let at = head.length;
  for (const middle of rest) {
    let found = -1;
    for (let k = at; k + middle.length <= actual.length - tail.length; k++) if (startsWith(actual, middle, k)) { found = k; break; }
    if (found < 0) return expected;
    at = found + middle.length;
  }
  return at <= actual.length - tail.length ? actual : expected;
}

/** @param {string[]} lines @param {string[]} part @param {number} at */
function startsWith(lines, part, at) {
  return part.every((line, k) => lines[at + k] === line);
}

/**
 * The example's new output lines: the actual output, with the example's `…` elision kept (as many
 * lines before and after it as the example showed). @param {string[]} expected @param {string[]} actual
 */
export function refreshed(expected, actual) {
  const first = expected.indexOf(ELLIPSIS);
  if (first < 0) return actual;
  const after = expected.length - 1 - expected.lastIndexOf(ELLIPSIS);
  if (first + after >= actual.length) return actual;
  return [...actual.slice(0, first), ELLIPSIS, ...actual.slice(actual.length - after)];
}

export function readReadme() {
  return readFileSync(README, 'utf8');
}
