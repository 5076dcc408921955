import { describe, expect, it } from 'vitest';
import { WIDTH, fillEllipses, missingShared, readReadme, readmeExamples, runExample } from '../../scripts/readme-examples.mjs';

const examples = readmeExamples(readReadme());

describe(`README console examples (run from the repository root, colour off, ${WIDTH} columns)`, () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  for (const example of examples) {
    const missing = missingShared(example);
    if (missing) console.warn(`[cassette tests] README.md:${example.line} reads ${missing}, which is absent: skipped`);
    it.skipIf(missing !== undefined)(`README.md:${example.line} $ ${example.command}`, () => {
      const actual = runExample(example);
      const expected = fillEllipses(example.expected, actual);
      expect(actual.join('\n'), `README.md:${example.line}: \`$ ${example.command}\` no longer prints what the README shows. If the new output is right, run \`npm run readme:update\` and review the README diff.`).toBe(expected.join('\n'));
    });
  }
});
