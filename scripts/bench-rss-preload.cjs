// Preload for scripts/bench-process.mjs when GNU time is missing: a Node child
// writes its own peak RSS (kB) and CPU time (ms), from getrusage, as JSON to
// $REPORT_MD_BENCH_RSS_FILE at exit.
'use strict';
const file = process.env.REPORT_MD_BENCH_RSS_FILE;
if (file) {
  // Only the first Node process (npx would spawn more) reports.
  delete process.env.REPORT_MD_BENCH_RSS_FILE;
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
      require('node:fs').writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs }));
    } catch {
      // A benchmark helper must never change the child's behaviour.
    }
  });
}
