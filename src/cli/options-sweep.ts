/** Options of `ccsim sweep`: the grid and the shard of it to run. */
import { parseShard, parseVaries, type Axis, type Shard } from '../experiment/specs.ts';
import { repeatableOption, valueOption, type OptionSpec } from './option-spec.ts';

export const SWEEP_OPTIONS = {
  vary: repeatableOption<Axis[]>({
    name: 'vary',
    valueName: 'PATH=FROM..TO:STEP',
    description:
      'Vary a scenario field over a range (agent_groups[team].agents=40..60:5) or a list (routing.policy=skill_based,longest_idle); repeatable, the grid is the product',
    default: [],
    many: (texts, flag) => parseVaries(texts, flag),
  }),
  shard: valueOption<Shard | undefined>({
    name: 'shard',
    valueName: 'i/n',
    description: 'Run only shard i of n of the grid (points k with k mod n = i-1); combine the outputs with ccsim merge',
    default: undefined,
    parse: (text, flag) => parseShard(text, flag),
  }),
} as const satisfies Record<string, OptionSpec<unknown>>;
