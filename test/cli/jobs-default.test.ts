import { describe, expect, it } from 'vitest';
import { jobsFor, mostThreads } from '../../src/cli/experiment-support.ts';
import { PARALLEL_MIN_CONTACTS } from '../../src/experiment/work-estimate.ts';

describe('the threads a command runs its replications on', () => {
  it('takes --jobs as given, but never more threads than replications', () => {
    expect(jobsFor(4, 20, 1000, 2)).toBe(4);
    expect(jobsFor(4, 3, 1000, 2)).toBe(3);
    expect(jobsFor(1, 20, 10 * PARALLEL_MIN_CONTACTS, 8)).toBe(1);
  });

  it('left at its default on two cores: in process for short replications, both cores for long ones', () => {
    expect(jobsFor(undefined, 12, 37_000, 2)).toBe(1);
    expect(jobsFor(undefined, 12, PARALLEL_MIN_CONTACTS - 1, 2)).toBe(1);
    expect(jobsFor(undefined, 12, PARALLEL_MIN_CONTACTS, 2)).toBe(2);
    expect(jobsFor(undefined, 12, 37_000, 1)).toBe(1);
  });

  it('never more than four threads per core, whatever --jobs says (each holds a copy of the simulator)', () => {
    expect(mostThreads(2)).toBe(8);
    expect(jobsFor(10_000, 200, 1000, 2)).toBe(8);
    expect(jobsFor(10_000, 5, 1000, 2)).toBe(5);
    expect(jobsFor(8, 200, 1000, 2)).toBe(8);
    expect(jobsFor(64, 200, 1000, 16)).toBe(64);
  });

  it('left at its default on more cores: every core, up to the replications', () => {
    expect(jobsFor(undefined, 12, 37_000, 8)).toBe(8);
    expect(jobsFor(undefined, 3, 37_000, 8)).toBe(3);
    expect(jobsFor(undefined, 1, 10 * PARALLEL_MIN_CONTACTS, 8)).toBe(1);
  });
});
