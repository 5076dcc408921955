// Runs the CLI entry point in-process and reports its peak RSS on stderr, so the bench can measure
// memory. bin/cassette.js reads the same arguments from process.argv.
process.on('exit', () => {
  process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
});
await import('../bin/cassette.js');
