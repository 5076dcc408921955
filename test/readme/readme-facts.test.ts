import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README facts', () => {
  it('lists exactly the rules `lint --list-rules` prints', () => {
    const block = /Rules \(`cassette lint --list-rules`[^\n]*\n\n```text\n([\s\S]*?)```/.exec(readme);
    expect(block, 'the rules block under "Rules (`cassette lint --list-rules`" is missing').not.toBeNull();
    const listed = cli(['lint', '--list-rules']);
    expect(listed.status).toBe(0);
    expect(block![1]).toBe(listed.stdout);
  });

  it('holds no merge-conflict markers', () => {
    const markers = readme.split('\n').flatMap((line, i) => (/^(<{7}|={7}|>{7}|\|{7})( |$)/.test(line) ? [`README.md:${i + 1}: ${line}`] : []));
    expect(markers).toEqual([]);
  });
});
