import { describe, expect, it } from 'vitest';
import { recoveryMinutes } from '../../src/metrics/events.ts';

/* Reading the recovery time off a run's interval service levels (30-minute intervals). */

const IV = 1800;
const curve = (levels: Array<number | null>) => (iv: number) => levels[iv] ?? null;

describe('recoveryMinutes', () => {
  it('counts from the event end to the start of the first interval back at target', () => {
    // The event ends at 01:00 (interval 2); intervals 2 and 3 are below target, 4 is back.
    expect(recoveryMinutes(2 * IV, IV, 0, 6, 0.8, curve([0.9, 0.2, 0.5, 0.7, 0.85, 0.9]))).toBe(60);
  });

  it('is 0 when the interval holding the end is already at target, even if the end is inside it', () => {
    expect(recoveryMinutes(2 * IV + 600, IV, 0, 6, 0.8, curve([0.9, 0.2, 0.8, 0.7, 0.85, 0.9]))).toBe(0);
    expect(recoveryMinutes(2 * IV + 600, IV, 0, 6, 0.8, curve([0.9, 0.2, 0.5, 0.8, 0.85, 0.9]))).toBe(20);
  });

  it('skips intervals without contacts and is null when service never recovers', () => {
    expect(recoveryMinutes(0, IV, 0, 4, 0.8, curve([0.1, null, null, 0.81]))).toBe(90);
    expect(recoveryMinutes(0, IV, 0, 4, 0.8, curve([0.1, 0.2, 0.3, 0.4]))).toBeNull();
    expect(recoveryMinutes(10 * IV, IV, 0, 4, 0.8, curve([1, 1, 1, 1]))).toBeNull(); // ends after the horizon
  });

  it('never reads the warm-up', () => {
    expect(recoveryMinutes(0, IV, 2, 4, 0.8, curve([1, 1, 0.5, 0.9]))).toBe(90);
  });
});
