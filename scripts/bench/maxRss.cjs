// Preloaded into a measured command (node --require): prints the process's peak resident set size
// (worker threads included: they share the process) on stderr as it exits.
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
