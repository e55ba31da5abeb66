/** Preloaded into each benchmarked app (`node -r bench/rss-probe.js app.js`): writes its peak RSS (KB) at exit. */
const fs = require('fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
