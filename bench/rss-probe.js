/**
 * Preloaded into each benchmarked app (`node -r bench/rss-probe.js app.js`): at exit, writes its peak RSS (KB) and the
 * CPU time it used (user + system, all threads, seconds) as JSON. CPU time is far less sensitive than wall time to
 * other work on a shared machine.
 */
const fs = require('fs');

process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const usage = process.resourceUsage();
  fs.writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
});
