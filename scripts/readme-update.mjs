// `npm run readme:update`: run every README console example (see readme-examples.mjs) and write
// what it prints now back into README.md. Review the diff: an example changes only when the
// command's output did. Build first (`npm run build`); the script runs the built bin.
import { writeFileSync } from 'node:fs';
import { README, missingShared, readReadme, readmeExamples, refreshed, runExample } from './readme-examples.mjs';

const lines = readReadme().split('\n');
const examples = readmeExamples(lines.join('\n'));
let changed = 0;
// From the last example up, so earlier line numbers stay valid while later blocks change length.
for (const example of [...examples].reverse()) {
  const missing = missingShared(example);
  if (missing) {
    console.log(`README.md:${example.line}: kept as it is (${missing} is absent)`);
    continue;
  }
  const next = refreshed(example.expected, runExample(example));
  if (next.join('\n') === example.expected.join('\n')) continue;
  lines.splice(example.start, example.end - example.start, ...next);
  changed++;
  console.log(`README.md:${example.line}: $ ${example.command}`);
}
writeFileSync(README, lines.join('\n'));
console.log(`${changed} of ${examples.length} examples refreshed`);
