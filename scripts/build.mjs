#!/usr/bin/env node
/**
 * `npm run build` (run by `npm install` through `prepare`):
 * 1. tsc compiles src/ to dist/ as .js with .d.ts: the library (`import ... from 'ccsim'`).
 * 2. esbuild bundles the command line into dist/bin/ (main.js, worker.js and shared chunks).
 *    One bundle loads in a fraction of the time of ~150 separate modules (zod alone is 95), which
 *    is most of a short command's run time. Heavy libraries used only for charts, workbooks and
 *    the MIP solver stay external and are imported only when a command needs them.
 * 3. The help texts (`ccsim --help`, `ccsim COMMAND --help`) are rendered by the CLI's own yargs
 *    parser, from the same command and option definitions, into dist/bin/ccsim-help.json: a help
 *    request prints the stored text without loading yargs (src/cli/help-text.ts).
 * 4. `ccsim validate` is also bundled as one CommonJS script, dist/bin/validate.cjs, with a V8
 *    code cache made by validating a bundled scenario in a fresh process (validate.cjs.cache):
 *    validate then starts without parsing and compiling its code (src/cli/code-cache.ts).
 *    Every command likewise, as dist/bin/commands.cjs with a cache made by simulating bundled
 *    scenarios (src/cli/quick-commands.ts).
 *    vega-lite and vega likewise, as dist/bin/chart-libraries.cjs with a code cache made by
 *    drawing a bundled scenario's charts (src/report/chart-libraries.ts).
 * 5. esbuild bundles the what-if studio page for browsers into dist/studio/ (build-studio.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildStudio } from './build-studio.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** Libraries left out of the CLI's bundles, loaded from node_modules only by the commands that use them. */
const HEAVY = ['vega', 'vega-lite', '@resvg/resvg-js', 'dejavu-fonts-ttf', 'exceljs', 'highs', 'playwright-core', '@duckdb/node-api'];

rmSync(`${root}/dist`, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/experiment/worker.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Smaller text parses faster at every start; names are kept so an internal error's stack reads.
  minify: true,
  keepNames: true,
  external: HEAVY,
  // CommonJS packages in the bundle (yaml, yargs' helpers) call require() for Node built-ins.
  banner: { js: "import { createRequire as __ccsimCreateRequire } from 'node:module'; const require = __ccsimCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

/**
 * Bundles `entry` into dist/bin/NAME.cjs as one CommonJS script: not ES-module chunks, as only a
 * script can carry a code cache in Node 20 (src/cli/code-cache.ts).
 */
const buildScript = (name, entry, options) =>
  build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
    outdir: 'dist/bin',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    ...options,
  });

// Under the CLI's V8 flags (bin/v8-flags.mjs): V8 refuses a cache made under other flags.
const flagsUrl = new URL('../bin/v8-flags.mjs', import.meta.url).href;
const mainUrl = new URL('../dist/bin/main.js', import.meta.url).href;
/** Runs `main.js`'s export `call` (a function call's text) in a fresh process under the CLI's flags. */
const inFreshProcess = (call) =>
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `await import(${JSON.stringify(flagsUrl)}); const m = await import(${JSON.stringify(mainUrl)}); await m.${call};`],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );

// Heavy libraries stay out as above; validate reaches none of them. Its cache is made in a fresh
// process, as a user's `ccsim validate` runs (src/cli/quick-validate.ts).
await buildScript('validate', 'src/cli/validate-script.ts', { external: HEAVY });
inFreshProcess(`writeValidateCache(${JSON.stringify(`${root}/scenarios/retail-bank.yaml`)})`);

// Every command as one CommonJS script with a V8 code cache, made (as validate's) in a fresh
// process under the CLI's V8 flags, by commands that keep the optimizing compiler on: a command
// line then starts without compiling its code (src/cli/quick-commands.ts). The ES-module chunks
// above stay: the worker threads, yargs' path and `import 'ccsim'` use them. import.meta.url is
// the script's own URL, in dist/bin/ beside the chunks, so what it locates is found alike.
await buildScript('commands', 'src/cli/commands-script.ts', {
  external: HEAVY,
  define: { 'import.meta.url': '__ccsimScriptUrl' },
  // A script run through node:vm has no loader for import(): the libraries left outside (all
  // CommonJS but vega's, which comes from chart-libraries.cjs) are loaded with require().
  supported: { 'dynamic-import': false },
  banner: { js: "const __ccsimScriptUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// A report folder (tables, CSV, HTML; no charts, which have their own script) and a --json run.
const commandsOut = mkdtempSync(join(tmpdir(), 'ccsim-commands-cache-'));
const commandRuns = [
  ['simulate', `${root}/scenarios/retail-bank.yaml`, '--replications', '2', '--jobs', '1', '--no-charts', '--quiet', '--out', join(commandsOut, 'simulate')],
  ['simulate', `${root}/scenarios/erlang-c.yaml`, '--json', '--no-charts', '--quiet'],
];
try {
  inFreshProcess(`writeCommandsCache(${JSON.stringify(commandRuns)})`);
} finally {
  rmSync(commandsOut, { recursive: true, force: true });
}

// vega-lite and vega as one CommonJS script with a V8 code cache, made (as validate's) in a fresh
// process under the CLI's V8 flags, after drawing a bundled scenario's charts: runs then skip
// compiling ~900 KB of chart code (src/report/chart-libraries.ts). vega-canvas's Node build
// looks for the optional `canvas` package with a top-level await, which a script cannot hold;
// its browser build answers as the Node one does without that package (not a dependency): no
// canvas, so vega estimates text widths the same way in both.
await buildScript('chart-libraries', 'src/report/chart-libraries-script.ts', {
  alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
});
// A run's charts and a comparison's (which draw marks the run's do not), kept short; on this
// thread, as worker threads would inherit the -e process's --input-type.
const chartOut = mkdtempSync(join(tmpdir(), 'ccsim-chart-cache-'));
const chartRuns = [
  ['simulate', `${root}/scenarios/erlang-c.yaml`, '--out', join(chartOut, 'simulate')],
  ['compare', `${root}/scenarios/bank-ivr-tradeoff.yaml`, '--replications', '2', '--jobs', '1', '--quiet', '--out', join(chartOut, 'compare')],
];
try {
  inFreshProcess(`writeChartCache(${JSON.stringify(chartRuns)})`);
} finally {
  rmSync(chartOut, { recursive: true, force: true });
}

// Rendered by the bundle just built, at the width yargs uses when stdout is not a terminal (or
// is one at least that wide); on a narrower terminal yargs renders the help itself.
const cli = await import(new URL('../dist/bin/main.js', import.meta.url).href);
const HELP_WIDTH = 100;
const texts = { '': await cli.renderHelp(['--help'], HELP_WIDTH) };
for (const name of cli.COMMAND_NAMES) texts[name] = await cli.renderHelp([name, '--help'], HELP_WIDTH);
writeFileSync(`${root}/dist/bin/ccsim-help.json`, JSON.stringify({ width: HELP_WIDTH, texts }));

await buildStudio(root);
