// Preloaded (`node -r`) by scripts/bench.mjs into each CLI run: reports the process's CPU time
// (user + system, µs, every thread) and peak RSS (KiB) on stderr when it exits, so the bench
// measures `node bin/cassette.js ...` itself, started as a user's shell starts it.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n@@usage ${u.userCPUTime + u.systemCPUTime} ${u.maxRSS}\n`);
});
