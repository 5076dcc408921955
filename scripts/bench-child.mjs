// Runs the CLI entry point in-process and reports its CPU time (user + system, µs, every thread)
// and peak RSS (KiB) on stderr, so the bench measures them. bin/cassette.js reads process.argv.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n@@usage ${u.userCPUTime + u.systemCPUTime} ${u.maxRSS}\n`);
});
await import('../bin/cassette.js');
