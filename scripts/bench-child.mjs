// Runs the CLI in-process and reports its peak RSS on stderr, so the bench can measure memory.
import { run } from '../dist/bundle/run.js';

process.on('exit', () => {
  process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
});
await run(['node', 'cassette', ...process.argv.slice(2)]);
