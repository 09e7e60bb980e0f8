/**
 * The entry of dist/bin/chart-libraries.cjs (scripts/build.mjs): vega-lite and vega bundled as
 * one CommonJS script, which the CLI runs with a V8 code cache (chart-libraries.ts).
 */
export * as vegaLite from 'vega-lite';
export * as vega from 'vega';
