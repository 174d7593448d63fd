// Loaded with `node --import` into a benchmarked process: at exit it prints the CPU time and peak
// memory of the whole process (start-up and worker threads included) as one line the bench reads.
process.on('exit', () => {
  const usage = process.resourceUsage()
  process.stderr.write(`\nBENCH_USAGE ${JSON.stringify({cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024})}\n`)
})
