#!/usr/bin/env node
// `npm run bench`: registers tsx so Node can load the TypeScript sources, then runs the benchmark.
import { register } from 'tsx/esm/api';
import { setFlagsFromString } from 'node:v8';

// The same inlining budget as bin/ccsim.mjs (see there), so the in-process figures are the CLI's.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=3000');
setFlagsFromString('--max-inlined-bytecode-size=1000');

register();

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await import('../bench/bench.ts');
process.exitCode = main(process.argv.slice(2));
