/**
 * The what-if studio page bundled for browsers into dist/studio/ (index.html, app.js, worker.js,
 * reader.js, analyst.js with vega and the report code, studio.css): self-contained (the bundled
 * scenarios are embedded as text, no CDN), so the folder works offline, served by `ccsim studio` or by any static host. Run by
 * `npm run build`, and by the studio test so it never exercises a stale page.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

/** Bundles the page of the project at `root` (a folder path ending in '/'). */
export async function buildStudio(root) {
  await build({
    absWorkingDir: root,
    entryPoints: { app: 'src/studio/page/app.ts', worker: 'src/studio/page/worker.ts', reader: 'src/studio/page/reader.ts', analyst: 'src/studio/page/analyst.ts' },
    outdir: 'dist/studio',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    loader: { '.yaml': 'text' },
    // vega draws the page's chart on an OffscreenCanvas in the analyst worker (see the module).
    alias: { 'vega-canvas': './src/studio/page/offscreen-canvas.ts' },
    logLevel: 'warning',
  });
  mkdirSync(`${root}/dist/studio`, { recursive: true });
  for (const file of ['index.html', 'studio.css']) copyFileSync(`${root}/src/studio/page/${file}`, `${root}/dist/studio/${file}`);
}
