/**
 * Options that set up a simulation run and its replications (simulate, compare, sweep; seed
 * and days also staff).
 */
import { DEFAULT_MAX_REPLICATIONS, parseTargetCi, type TargetCiSpec } from '../experiment/specs.ts';
import { flagOption, repeatableOption, valueOption, type OptionSpec } from './option-spec.ts';
import { parseInteger, parsePositiveNumber } from './option-values.ts';

export const RUN_OPTIONS = {
  seed: valueOption<number | undefined>({
    name: 'seed',
    valueName: 'N',
    description: "Master random seed (integer); overrides the scenario's seed",
    default: undefined,
    defaultDescription: "the scenario's seed",
    parse: (text, flag) => parseInteger(text, flag),
  }),
  days: valueOption<number | undefined>({
    name: 'days',
    valueName: 'D',
    description: 'Days to simulate (> 0, fractions allowed); overrides horizon.days',
    default: undefined,
    defaultDescription: "the scenario's horizon.days",
    parse: parsePositiveNumber,
  }),
  replications: valueOption<number>({
    name: 'replications',
    valueName: 'R',
    description: 'Independent replications (integer >= 1); with 2 or more, figures are means with 95% intervals',
    default: 1,
    parse: (text, flag) => parseInteger(text, flag, 1),
  }),
  jobs: valueOption<number | undefined>({
    name: 'jobs',
    valueName: 'N',
    description: 'Replications run at once on worker threads (integer >= 1); results do not depend on it',
    default: undefined,
    defaultDescription: 'every core; on 2 cores or fewer, 1 for short replications (not staff; see the README)',
    parse: (text, flag) => parseInteger(text, flag, 1),
  }),
  targetCi: repeatableOption<TargetCiSpec[]>({
    name: 'target-ci',
    valueName: 'METRIC=HALFWIDTH',
    description:
      'Add replications until the 95% half-width of METRIC is at most HALFWIDTH (e.g. service_level=0.01); repeatable',
    default: [],
    many: (texts, flag) => parseTargetCi(texts, flag),
  }),
  maxReplications: valueOption<number | undefined>({
    name: 'max-replications',
    valueName: 'R',
    description: 'With --target-ci: stop at this many replications even if a target is not met',
    default: undefined,
    defaultDescription: String(DEFAULT_MAX_REPLICATIONS),
    parse: (text, flag) => parseInteger(text, flag, 2),
  }),
  allowLong: flagOption({
    name: 'allow-long',
    description: 'Run even when the estimated time is beyond the limit of half an hour on one core (the memory limits stay)',
  }),
} as const satisfies Record<string, OptionSpec<unknown>>;
