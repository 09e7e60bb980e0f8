import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (CPU-s of a single-worker run under load, Dec 2026), started first so
 * that the suite does not end with one of them running alone on one core. Vitest orders files by
 * their duration in its cache (node_modules/.vite), but a fresh clone has no cache and would start
 * them in whatever order the glob found them (the README's commands, the longest, near the end).
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

const LONGEST = [
  'test/readme/commands.test.ts', // 187
  'test/studio/studio.test.ts', // 14 + Chromium; the longest wall time after the README
  'test/experiment/cli.test.ts', // 21
  'test/package/pack.test.ts', // 18
  'test/metrics/pooled-ratios.test.ts', // 17
  'test/staffing/cli.test.ts', // 15
  'test/center/closed-forms.test.ts', // 14
];

/** Vitest's order (failed first, then longest first by the cache), with LONGEST ahead of the rest. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = LONGEST.indexOf(relative(ROOT, f.moduleId).split('\\').join('/'));
      return i < 0 ? LONGEST.length : i;
    };
    const order = sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
    // CCSIM_TEST_ORDER=1 prints the order the files start in.
    if (process.env['CCSIM_TEST_ORDER'] === '1') console.log('order:', order.map((f) => relative(ROOT, f.moduleId)).join(' '));
    return order;
  }
}

/**
 * Test files that must have a module graph of their own: they mock a module (vi.mock), which in
 * a shared graph would reach the files after them, or would find the real module already loaded.
 */
const ISOLATED = ['test/report/lazy-load.test.ts', 'test/report/optimizer-off.test.ts'];

/** What both projects run with. */
const common = {
  // Does nothing unless CCSIM_TEST_CPU names a file: then each test file's CPU seconds go there.
  setupFiles: ['test/helpers/cpu-meter.ts'],
  // Worker threads: cheaper to start than child processes, and see the tests' CPU-bound work the same.
  pool: 'threads' as const,
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // Tests marked concurrent (the README's command lines, each a CPU-bound process) run two at a
  // time: enough to use both cores once the other worker has run out of files; more would only
  // slow each line down on two cores.
  maxConcurrency: 2,
};

export default defineConfig({
  test: {
    // Once per run, here only: a project that inherited it would run it again.
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default is one worker less than the CPUs: a single worker on a 2-core machine,
    // where most of the suite is CPU-bound simulation. Two workers use both cores.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      // Each worker keeps its module graph from one test file to the next: a fresh process and a
      // fresh graph per file (forks, isolate) cost about a third of the unit tests' CPU, in
      // starting node and evaluating zod, yaml and src again for every file. The tests share no
      // mutable state through modules (none mocks one, except ISOLATED), so reuse is safe.
      { test: { ...common, name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { test: { ...common, name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
