#!/usr/bin/env node
// The `ccsim` executable: runs the compiled CLI in dist/ (built by `npm run build`, which
// `npm install` runs through the `prepare` script).
import { existsSync } from 'node:fs';
import './v8-flags.mjs'; // before anything is compiled: see there

// Piping into `head` and the like closes stdout early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const entry = new URL('../dist/bin/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('ccsim: dist/ is missing; run `npm run build` (npm install does it) first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
