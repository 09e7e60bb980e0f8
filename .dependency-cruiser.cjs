/**
 * Import boundaries, checked in CI (`npm run check:imports`). Data flows one way:
 *
 *   scenario -> dist/engine -> model -> center (routing inside) -> metrics
 *     -> experiment / staffing / fit / files -> report -> cli
 *
 * A module may import from its own layer or the layers to its left, never to its right, and the
 * simulation core (everything `src/core.ts` reaches) imports nothing Node-only, so it bundles
 * for a browser. Each rule's comment is the message a wrong-way import gets.
 */
const CORE = '^src/(scenario|dist|engine|model|center|metrics|analytic)/';
const layer = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules import each other in a circle: move the shared part to the lower module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-node-free',
      comment: 'The simulation core runs in browsers: no node: modules; read files and start workers at the edges (src/files, src/experiment, src/cli).',
      severity: 'error',
      from: { path: [CORE, '^src/(core|errors)\\.ts$', '^src/experiment/simulate\\.ts$'] },
      to: { dependencyTypes: ['core'] },
    },
    layer('scenario-is-the-source', 'scenario/ (the file format) imports only errors.ts.', '^src/scenario/', '^src/(dist|engine|model|center|metrics|analytic|experiment|staffing|fit|files|report|cli)/'),
    layer('dist-engine-below-model', 'dist/ and engine/ sit below the model: they may use scenario types only.', '^src/(dist|engine)/', '^src/(model|center|metrics|experiment|staffing|fit|files|report|cli)/'),
    layer('model-below-center', 'model/ compiles a scenario; it must not reach the center, metrics or anything after.', '^src/model/', '^src/(center|metrics|experiment|staffing|fit|files|report|cli)/'),
    layer('center-below-metrics', 'center/ runs the model and writes counters (metrics/tally.ts); summaries and everything after come later in the flow.', '^src/center/', '^src/(metrics/(?!tally\\.ts$)|experiment|staffing|fit|files|report|cli)'),
    layer('metrics-below-experiments', 'metrics/ summarises runs; experiments, staffing, fit, reports and the CLI use it, not the other way round.', '^src/metrics/', '^src/(center|experiment|staffing|fit|files|report|cli)/'),
    layer('analytic-stands-alone', 'analytic/ holds closed forms; it imports nothing of the simulation.', '^src/analytic/', '^src/(scenario|dist|engine|model|center|metrics|experiment|staffing|fit|files|report|cli)/'),
    layer('experiments-below-report', 'experiment/, staffing/, fit/ and files/ return data; report/ formats it and cli/ prints it.', '^src/(experiment|staffing|fit|files)/', '^src/(report|cli)/'),
    layer('report-below-cli', 'report/ must not import the command line.', '^src/report/', '^src/cli/'),
    // The what-if studio is an edge like report/: its page uses the core, the experiment's
    // Node-free parts (paths, metrics) and nothing after; only the command line starts it.
    layer('studio-is-an-edge', 'studio/ (the what-if page and its server) is started by cli/ only; nothing else imports it.', '^src/(?!studio/|cli/)', '^src/studio/'),
    layer('studio-below-cli', 'studio/ must not import the command line.', '^src/studio/', '^src/cli/'),
    // The page builds report.html in the browser with the report's Node-free parts: the chart
    // specs, the page itself and SVG id tidying; never the run folder, the renderer or files.
    layer('studio-uses-node-free-report-parts', 'The studio may use report/html, chart-specs, svg-ids and charts/ only (the rest writes files or loads Node-only libraries).', '^src/studio/', '^src/report/(?!(html|chart-specs|svg-ids)\\.ts$|charts/)'),
    {
      name: 'studio-page-is-browser-code',
      comment: 'The studio page runs in a browser: no node: modules, no file access, no worker threads.',
      severity: 'error',
      from: { path: '^src/studio/page/' },
      to: { dependencyTypes: ['core'] },
    },
    layer('studio-page-uses-node-free-experiment-parts', 'The studio page may use experiment/paths, field-path, metrics, simulate, compare-result, plan-summary and scenario-diff only (the rest reads files or starts threads).', '^src/studio/page/', '^src/(experiment/(?!(paths|field-path|metrics|simulate|types|compare-result|plan-summary|scenario-diff)\\.ts$)|files|staffing|fit)'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.mjs$' },
  },
};
