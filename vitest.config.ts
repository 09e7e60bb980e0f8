import { defineConfig } from 'vitest/config';

/**
 * Test files that must have a module graph of their own: they mock a module (vi.mock), which in
 * a shared graph would reach the files after them, or would find the real module already loaded.
 */
const ISOLATED = ['test/report/lazy-load.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Does nothing unless CCSIM_TEST_CPU names a file: then each test file's CPU seconds go there.
    setupFiles: ['test/helpers/cpu-meter.ts'],
    // Vitest's default is one worker less than the CPUs: a single worker on a 2-core machine,
    // where most of the suite is CPU-bound simulation. Two workers use both cores.
    maxWorkers: 2,
    // Worker threads, each reusing its module graph from one test file to the next: a fresh
    // process and a fresh graph per file (forks, isolate) cost about a third of the CPU of the
    // unit-test directories, in starting node and evaluating zod, yaml and src again per file.
    // Tests share no mutable state through modules (none mocks except ISOLATED), so reuse is safe.
    pool: 'threads',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
