// Preloaded (node -r) into a measured child process: at exit, writes the process's peak resident
// set size (all threads, KB) and CPU time (all threads, µs), from getrusage, as JSON to the file
// named by RH_BENCH_RSS_FILE.
const fs = require('fs');
const file = process.env.RH_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }));
  });
}
