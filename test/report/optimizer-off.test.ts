/**
 * Charts in the command line are drawn with V8's optimizing compiler off (report/optimizer-off.ts):
 * the switch is made only while drawings run, turned back on after the last one ends (also when
 * one fails), and never made in a process that did not opt in or that was started with a
 * compiler flag of its own. V8's setFlagsFromString is replaced by a recorder here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const flags: string[] = [];
vi.mock('node:v8', () => ({ setFlagsFromString: (f: string) => void flags.push(f) }));

type Module = typeof import('../../src/report/optimizer-off.ts');
const fresh = async (): Promise<Module> => {
  vi.resetModules();
  return import('../../src/report/optimizer-off.ts');
};

/** A drawing that ends when `finish` is called, recording the flags set while it ran. */
function drawing(): { promise: () => Promise<string[]>; finish: () => void } {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { promise: async () => (await done, [...flags]), finish };
}

describe('drawing without the optimizing compiler', () => {
  beforeEach(() => void (flags.length = 0));
  afterEach(() => vi.unstubAllEnvs());

  it('changes nothing in a process that did not opt in (the library)', async () => {
    const { withoutOptimizer } = await fresh();
    expect(await withoutOptimizer(async () => 7)).toBe(7);
    expect(flags).toEqual([]);
  });

  it('switches TurboFan off for overlapping drawings and back on after the last', async () => {
    const { drawChartsWithoutOptimizer, withoutOptimizer } = await fresh();
    drawChartsWithoutOptimizer();
    const a = drawing();
    const b = drawing();
    const first = withoutOptimizer(a.promise);
    const second = withoutOptimizer(b.promise);
    a.finish();
    expect(await first).toEqual(['--no-opt']); // the other drawing still runs: still off
    b.finish();
    await second;
    expect(flags).toEqual(['--no-opt', '--opt']);
    // A drawing that fails turns it back on too.
    await expect(withoutOptimizer(() => Promise.reject(new Error('bad spec')))).rejects.toThrow('bad spec');
    expect(flags).toEqual(['--no-opt', '--opt', '--no-opt', '--opt']);
  });

  it('leaves the compilers alone when the process was started with a flag about them', async () => {
    vi.stubEnv('NODE_OPTIONS', '--max-old-space-size=4096 --no-opt');
    const { drawChartsWithoutOptimizer, withoutOptimizer } = await fresh();
    drawChartsWithoutOptimizer();
    await withoutOptimizer(async () => undefined);
    expect(flags).toEqual([]);
  });
});
