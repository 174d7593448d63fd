// `npm run bench`: every benchmark in turn, each printing its own line.
await import('./send.js')
