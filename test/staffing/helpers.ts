import type { Arrivals, Scenario } from '../../src/scenario/types.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';

/** Flat or hour-of-day Poisson arrivals with every multiplier at 1. */
export function arrivals(perHour: number | number[]): Arrivals {
  return { per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 };
}

/**
 * The textbook example: 100 calls per 30 minutes, handle time exponential 180 s, 80% within
 * 20 s (Erlang C: 14 agents). A warm-up of `warmupHours`, then `reportedHours` of reporting.
 */
export function erlangCExample(reportedHours: number, warmupHours = 2, seed = 7): Scenario {
  return scenario({
    name: 'Erlang C example',
    seed,
    horizon: { start: '2026-01-05', days: (warmupHours + reportedHours) / 24, interval_minutes: 30, warmup_hours: warmupHours },
    service_level: { threshold_seconds: 20, target: 0.8 },
    contact_types: [contactType('general', { arrivals: arrivals(200), handle_time: exp(180) })],
    agent_groups: [group('team', { general: 1 }, 1)],
  });
}

/** Hourly rates of a sinusoidal day: 20 an hour at 03:00, 200 at 15:00. */
export const SINE_RATES = Array.from({ length: 24 }, (_, h) => Math.round(110 + 90 * Math.sin((2 * Math.PI * (h - 9)) / 24)));

/** One sinusoidal day with abandonment: handle exp 240 s, patience exp 180 s, 80% within 20 s. */
export function sinusoidalDay(seed = 11): Scenario {
  return scenario({
    name: 'sinusoidal day',
    seed,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 30, warmup_hours: 0 },
    contact_types: [contactType('general', { arrivals: arrivals(SINE_RATES), handle_time: exp(240), patience: exp(180) })],
    agent_groups: [group('team', { general: 1 }, 1)],
  });
}

/** Two contact types (100 calls per 30 min each, exp 180 s) and one group skilled for both. */
export function twoSkillPool(seed = 3): Scenario {
  return scenario({
    name: 'two-skill pool',
    seed,
    horizon: { start: '2026-01-05', days: 5 / 24, interval_minutes: 30, warmup_hours: 2 },
    contact_types: [
      contactType('billing', { arrivals: arrivals(200), handle_time: exp(180) }),
      contactType('orders', { arrivals: arrivals(200), handle_time: exp(180) }),
    ],
    agent_groups: [group('pool', { billing: 1, orders: 1 }, 1)],
  });
}
