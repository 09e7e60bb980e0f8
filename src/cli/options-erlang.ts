/** Options of `ccsim erlang`: one interval's figures, or a CSV of intervals. */
import { valueOption, type OptionSpec } from './option-spec.ts';
import { parseInteger, parseNonNegativeNumber, parsePath, parsePositiveNumber, parseShare } from './option-values.ts';

export const ERLANG_OPTIONS = {
  volume: valueOption<number | undefined>({
    name: 'volume',
    valueName: 'N',
    description: 'Contacts offered in one interval (>= 0)',
    default: undefined,
    parse: parseNonNegativeNumber,
  }),
  intervalMinutes: valueOption<number | undefined>({
    name: 'interval-minutes',
    valueName: 'M',
    description: 'Interval length in minutes (> 0)',
    default: undefined,
    defaultDescription: '30, or the CSV\'s own interval',
    parse: parsePositiveNumber,
  }),
  aht: valueOption<number | undefined>({
    name: 'aht',
    valueName: 'SECONDS',
    description: 'Average handle time in seconds (> 0); per session for chat',
    default: undefined,
    defaultDescription: "the CSV's aht column",
    parse: parsePositiveNumber,
  }),
  target: valueOption<number>({
    name: 'target',
    valueName: 'SHARE',
    description: 'Service level target: share answered within the threshold (0.8 or 80%)',
    default: 0.8,
    parse: parseShare,
  }),
  threshold: valueOption<number>({
    name: 'threshold',
    valueName: 'SECONDS',
    description: 'Service level threshold in seconds (>= 0)',
    default: 20,
    parse: parseNonNegativeNumber,
  }),
  patience: valueOption<number | undefined>({
    name: 'patience',
    valueName: 'SECONDS',
    description: 'Mean patience in seconds (> 0): adds the Erlang A answer (callers hang up)',
    default: undefined,
    parse: parsePositiveNumber,
  }),
  shrinkage: valueOption<number>({
    name: 'shrinkage',
    valueName: 'SHARE',
    description: 'Share of paid time agents are unavailable (breaks, training...), for FTE',
    default: 0,
    parse: parseShare,
  }),
  maxOccupancy: valueOption<number | undefined>({
    name: 'max-occupancy',
    valueName: 'SHARE',
    description: 'Cap on occupancy (busy share of agent time)',
    default: undefined,
    parse: parseShare,
  }),
  concurrency: valueOption<number>({
    name: 'concurrency',
    valueName: 'K',
    description: 'Sessions an agent handles at once (chat; integer >= 1)',
    default: 1,
    parse: (text, flag) => parseInteger(text, flag, 1),
  }),
  agents: valueOption<number | undefined>({
    name: 'agents',
    valueName: 'N',
    description: 'Evaluate N agents (integer >= 0) instead of finding the requirement',
    default: undefined,
    parse: (text, flag) => parseInteger(text, flag, 0),
  }),
  csv: valueOption<string | undefined>({
    name: 'csv',
    valueName: 'FILE',
    description: 'Interval volumes (the history CSV `ccsim fit` reads): one row per interval and queue',
    default: undefined,
    parse: parsePath,
  }),
} as const satisfies Record<string, OptionSpec<unknown>>;
