/** Options of `ccsim staff` (besides seed, days and the output options). */
import { flagOption, type OptionSpec } from './option-spec.ts';

export const STAFF_OPTIONS = {
  strictPlan: flagOption({
    name: 'strict',
    description: 'Exit with code 2 when a plan written misses the target on fresh replications, or intervals need agents that no shift template covers',
  }),
} as const satisfies Record<string, OptionSpec<unknown>>;
