/**
 * Every option, by the key commands name it with. The options themselves are defined in their
 * groups: options-run.ts (seed, days, replications, jobs, --target-ci...), options-output.ts
 * (--json, --out, --force, --quiet, --charts, --xlsx, --period), options-sweep.ts,
 * options-fit.ts, options-staff.ts and options-erlang.ts; what an option is, in option-spec.ts;
 * the value validators, in option-values.ts.
 *
 * To add an option: define it in the group it belongs to (or a new `options-<command>.ts`
 * spread in below) and name its key in the `options` of the commands that take it.
 */
import type { OptionSpec } from './option-spec.ts';
import { ERLANG_OPTIONS } from './options-erlang.ts';
import { FIT_OPTIONS } from './options-fit.ts';
import { OUTPUT_OPTIONS } from './options-output.ts';
import { RUN_OPTIONS } from './options-run.ts';
import { STAFF_OPTIONS } from './options-staff.ts';
import { SWEEP_OPTIONS } from './options-sweep.ts';

export const OPTIONS = {
  ...RUN_OPTIONS,
  ...OUTPUT_OPTIONS,
  ...SWEEP_OPTIONS,
  ...FIT_OPTIONS,
  ...STAFF_OPTIONS,
  ...ERLANG_OPTIONS,
} as const satisfies Record<string, OptionSpec<unknown>>;

export type OptionName = keyof typeof OPTIONS;
export type OptionValues<N extends OptionName> = {
  [P in N]: ReturnType<(typeof OPTIONS)[P]['parse']>;
};
