/**
 * The built CLI loads vega-lite and vega as one script with the V8 code cache the build made
 * (src/report/chart-libraries.ts); the library and these tests import them as ES modules. The
 * cache must be used when it fits, must change nothing but the time when it does not (corrupt,
 * missing), and both ways must draw the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChart } from '../../src/report/render.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST_BIN = join(ROOT, 'dist/bin');
const FLAGS = pathToFileURL(join(ROOT, 'bin/v8-flags.mjs')).href;
const SCENARIO = join(ROOT, 'scenarios/erlang-c.yaml');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccsim-chart-cache-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `ccsim simulate SCENARIO --out out` run by the CLI bundle in folder `bin` (dist/bin/ or a copy)
 * in a fresh process under the CLI's V8 flags; returns how the chart libraries were loaded.
 */
function simulate(bin: string, out: string): string {
  const main = pathToFileURL(join(bin, 'main.js')).href;
  const code = `await import(${JSON.stringify(FLAGS)}); const m = await import(${JSON.stringify(main)});
const status = await m.main(${JSON.stringify(['simulate', SCENARIO, '--out', out])});
process.stderr.write('cache: ' + (await m.chartCacheUse()) + '\\n'); process.exitCode = status;`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  const use = /cache: (\S+)/.exec(r.stderr);
  expect(use, r.stderr).not.toBeNull();
  return use![1]!;
}

/** The chart files of a run folder, by name. */
function charts(out: string): Map<string, Buffer> {
  const folder = join(out, 'charts');
  return new Map(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f))]));
}

describe('chart libraries in the built CLI', () => {
  let drawn: Map<string, Buffer>;
  beforeAll(() => {
    expect(simulate(DIST_BIN, join(dir, 'cached'))).toBe('accepted');
    drawn = charts(join(dir, 'cached'));
  });

  it('draw with the code cache, the same bytes as the ES modules draw', async () => {
    const specs = [...drawn.keys()].filter((f) => f.endsWith('.vl.json'));
    expect(specs.length).toBeGreaterThanOrEqual(5);
    for (const f of specs) {
      const name = f.slice(0, -'.vl.json'.length);
      const chart = await renderChart(JSON.parse(drawn.get(f)!.toString('utf8')));
      expect(chart.svg, `${name}.svg`).toBe(drawn.get(`${name}.svg`)!.toString('utf8'));
      expect(Buffer.from(chart.png!).equals(drawn.get(`${name}.png`)!), `${name}.png`).toBe(true);
    }
  });

  it('draw the same bytes when the cache is corrupt or missing', () => {
    const bin = join(dir, 'bin');
    cpSync(DIST_BIN, bin, { recursive: true });
    // The bundle imports resvg and the fonts from node_modules: the copy finds them from here.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const cache = join(bin, 'chart-libraries.cjs.cache');
    writeFileSync(cache, readFileSync(cache).subarray(0, 4096)); // cut short: V8 refuses it
    expect(simulate(bin, join(dir, 'corrupt'))).toBe('rejected');
    expect(charts(join(dir, 'corrupt'))).toEqual(drawn);
    rmSync(cache);
    expect(simulate(bin, join(dir, 'missing'))).toBe('missing');
    expect(charts(join(dir, 'missing'))).toEqual(drawn);
  });
});
