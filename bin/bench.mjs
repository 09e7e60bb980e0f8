#!/usr/bin/env node
// `npm run bench`: registers tsx so Node can load the TypeScript sources, then runs the benchmark.
import { register } from 'tsx/esm/api';
import './v8-flags.mjs'; // the same V8 flags as bin/ccsim.mjs, so the in-process figures are the CLI's

register();

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await import('../bench/bench.ts');
process.exitCode = main(process.argv.slice(2));
