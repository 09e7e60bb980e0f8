import { describe, expect, it } from 'vitest';
import { ContactCenter } from '../../src/center/contact-center.ts';
import { isSingleQueue, SingleQueueCenter } from '../../src/center/single-queue.ts';
import { compile } from '../../src/model/compile.ts';
import type { Model } from '../../src/model/model.ts';
import type { Tally } from '../../src/metrics/tally.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';

/*
 * The single-queue center is a shortcut: for a model it accepts, its tally must be the general
 * center's, bit for bit (every counter, every sum, both TTR histograms, the event count), for
 * every seed and replication. The scenarios below vary what such a model may still vary: the
 * channel, the routing policy, patience (including customers who hang up at once), handle-time
 * distributions (deterministic ones make events at equal times; a handle time of 0 ends a service
 * at the instant it starts, one longer than the run never ends), arrival curves and daily
 * overdispersion, warm-up, interval length, costs, effort points, no agents at all, overload
 * (contacts left waiting and in service at the end) and a drain cut short.
 */

function model(yaml: string): Model {
  return compile(loadScenarioText(yaml).scenario);
}

const base = (over: { type?: string; group?: string; top?: string; horizon?: string }): string => `
name: single queue
seed: 11
horizon: ${over.horizon ?? '{ start: 2026-01-05, days: 2, interval_minutes: 60, warmup_hours: 1 }'}
${over.top ?? ''}
contact_types:
  - id: general
${over.type ?? '    arrivals: { per_hour: 300 }\n    handle_time: { distribution: exponential, mean_seconds: 180 }'}
agent_groups:
  - id: team
    skills: { general: 1 }
${over.group ?? '    agents: 16'}
`;

const CASES: Array<[string, string]> = [
  ['M/M/c (Erlang C)', base({})],
  [
    'Erlang A with lognormal handle times, round robin, costs',
    base({
      top: 'routing: { policy: round_robin }\ncosts: { per_minute_voice: 0.02, per_contact: 0.1 }',
      type: '    arrivals: { per_hour: 400 }\n    handle_time: { distribution: lognormal, mean_seconds: 200, cv: 0.8 }\n    patience: { distribution: exponential, mean_seconds: 90 }',
      group: '    agents: 20\n    hourly_cost: 30\n    shrinkage: 0.3',
    }),
  ],
  [
    'patience mixture with customers who hang up at once, longest idle, effort points',
    base({
      top: 'routing: { policy: longest_idle }\nexperience: { effort: { per_wait_minute: 0.5, abandon: 2, high_threshold: 3 } }',
      type: '    arrivals: { per_hour: 500 }\n    handle_time: { distribution: gamma, mean_seconds: 150, cv: 0.5 }\n    patience:\n      distribution: mixture\n      parts:\n        - { weight: 0.1, distribution: deterministic, mean_seconds: 0 }\n        - { weight: 0.9, distribution: lognormal, mean_seconds: 120, cv: 1 }',
      group: '    agents: 19',
    }),
  ],
  [
    'deterministic handle times and patience (events at equal times), 15-minute intervals',
    base({
      horizon: '{ start: 2026-01-05, days: 1, interval_minutes: 15, warmup_hours: 0 }',
      type: '    arrivals: { per_hour: 240 }\n    handle_time: { distribution: deterministic, mean_seconds: 120 }\n    patience: { distribution: deterministic, mean_seconds: 60 }',
      group: '    agents: 7',
    }),
  ],
  [
    'chat with an hourly curve and daily overdispersion',
    base({
      horizon: '{ start: 2026-01-05, days: 4, interval_minutes: 30, warmup_hours: 0 }',
      type: '    channel: chat\n    arrivals:\n      per_day: 1500\n      by_hour: [0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 0.8, 1.2, 1.5, 1.6, 1.5, 1.4, 1.4, 1.5, 1.4, 1.3, 1.2, 1.0, 0.8, 0.6, 0.4, 0.2, 0.1]\n      overdispersion_cv: 0.15\n    handle_time: { distribution: empirical, values_seconds: [60, 120, 240, 600] }\n    patience: { distribution: lognormal, mean_seconds: 300, cv: 0.6 }',
      group: '    agents: 7',
    }),
  ],
  [
    'email, overloaded: contacts left waiting and in service at the end, short drain',
    base({
      horizon: '{ start: 2026-01-05, days: 1, interval_minutes: 60, warmup_hours: 0 }',
      type: '    channel: email\n    arrivals: { per_hour: 100 }\n    handle_time: { distribution: exponential, mean_seconds: 3000 }',
      group: '    agents: 50',
    }),
  ],
  [
    'handle time 0 (a service ends at the instant it starts) and handle times longer than the run',
    base({
      horizon: '{ start: 2026-01-05, days: 1, interval_minutes: 60, warmup_hours: 0 }',
      type: '    arrivals: { per_hour: 600 }\n    handle_time:\n      distribution: mixture\n      parts:\n        - { weight: 0.5, distribution: deterministic, mean_seconds: 0 }\n        - { weight: 0.5, distribution: deterministic, mean_seconds: 500000 }',
      group: '    agents: 30',
    }),
  ],
  [
    'nobody on duty',
    base({
      type: '    arrivals: { per_hour: 30 }\n    handle_time: { distribution: exponential, mean_seconds: 180 }\n    patience: { distribution: exponential, mean_seconds: 600 }',
      group: '    agents: 0',
    }),
  ],
];

function expectSameTally(a: Tally, b: Tally): void {
  expect(b.events).toBe(a.events);
  for (const key of ['grid', 'intervalTime', 'groupBusy', 'groupLogged', 'groupPaidHours', 'groupCost', 'groupTime', 'eventCounts', 'cohortWeek', 'weekEmployees'] as const) {
    const x = a[key];
    const y = b[key];
    expect(y.length, key).toBe(x.length);
    for (let i = 0; i < x.length; i++) {
      // Object.is: the same double, bit for bit (and NaN would fail on both sides).
      if (!Object.is(x[i], y[i])) expect.fail(`${key}[${i}]: general ${x[i]}, single queue ${y[i]}`);
    }
  }
  expect(Array.from(b.ttrByType.counts)).toEqual(Array.from(a.ttrByType.counts));
  expect(Array.from(b.ttrByInterval.counts)).toEqual(Array.from(a.ttrByInterval.counts));
}

describe('the single-queue center gives the general center\'s tally', () => {
  for (const [name, yaml] of CASES) {
    it(name, () => {
      const m = model(yaml);
      expect(isSingleQueue(m)).toBe(true);
      for (const replication of [0, 1, 2]) {
        const general = new ContactCenter(m, 11, replication).run();
        const single = new SingleQueueCenter(m, 11, replication).run();
        expect(general.grid.some((v) => v > 0)).toBe(true);
        expectSameTally(general, single);
      }
    });
  }
});

describe('which models take the shortcut', () => {
  const not: Array<[string, string]> = [
    ['two contact types', base({}).replace('agent_groups:', '  - id: other\n    arrivals: { per_hour: 10 }\n    handle_time: { distribution: exponential, mean_seconds: 100 }\nagent_groups:').replace('skills: { general: 1 }', 'skills: { general: 1, other: 1 }')],
    ['an agent below full proficiency', base({}).replace('skills: { general: 1 }', 'skills: { general: 0.8 }')],
    ['fcr below 1 (repeat contacts)', base({ type: '    arrivals: { per_hour: 300 }\n    handle_time: { distribution: exponential, mean_seconds: 180 }\n    fcr: 0.8' })],
    ['retries after abandoning', base({ type: '    arrivals: { per_hour: 300 }\n    handle_time: { distribution: exponential, mean_seconds: 180 }\n    patience: { distribution: exponential, mean_seconds: 60 }\n    retry: { probability: 0.3, after: { distribution: exponential, mean_seconds: 600 } }' })],
    ['chat agents taking two at once', base({ type: '    channel: chat\n    arrivals: { per_hour: 300 }\n    handle_time: { distribution: exponential, mean_seconds: 180 }', group: '    agents: 16\n    concurrency: 2' })],
    ['staffing that changes by interval', base({ group: '    agents: [10, 12, 14, 16, 16, 16, 16, 14, 12, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]' })],
    ['opening hours', base({ top: 'open_hours: { mon: ["08:00", "18:00"], tue: ["08:00", "18:00"] }' })],
  ];
  for (const [name, yaml] of not) {
    it(`not with ${name}`, () => {
      expect(isSingleQueue(model(yaml))).toBe(false);
    });
  }
});
