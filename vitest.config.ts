import { defineConfig } from 'vitest/config';

/**
 * Test files that must have a module graph of their own: they mock a module (vi.mock), which in
 * a shared graph would reach the files after them, or would find the real module already loaded.
 */
const ISOLATED = ['test/report/lazy-load.test.ts'];

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
