/**
 * Options of `ccsim fit`: reading an interval history CSV and writing the fitted scenario.
 * `ccsim erlang --csv` reads the same history, with `--map` and `--strict`.
 */
import { UserError } from '../errors.ts';
import { parseMapping, type ColumnMap } from '../fit/history-columns.ts';
import { flagOption, repeatableOption, valueOption, type OptionSpec } from './option-spec.ts';
import { parsePath } from './option-values.ts';

export const FIT_OPTIONS = {
  // Its --out is a file, not a run folder.
  outFile: valueOption<string | undefined>({
    name: 'out',
    valueName: 'FILE',
    description: 'Write the fitted scenario YAML to FILE (and the fit report beside it) instead of stdout',
    default: undefined,
    parse: parsePath,
  }),
  map: repeatableOption<ColumnMap[]>({
    name: 'map',
    valueName: 'COL=FIELD',
    description:
      'Read history column COL as FIELD (date, interval, queue, offered, handled, abandoned, aht, asa, agents, or ignore); repeatable',
    default: [],
    many: (texts, flag) => texts.map((t) => parseMapping(t, flag)),
  }),
  delimiter: valueOption<string | undefined>({
    name: 'delimiter',
    valueName: 'C',
    description: "fit: the history's column separator: , ; tab or | (default: detected from the header)",
    default: undefined,
    defaultDescription: 'detected',
    parse: (text, flag) => {
      const d = text === 'tab' || text === '\\t' ? '\t' : text;
      if (![',', ';', '\t', '|'].includes(d)) throw new UserError(`${flag}: expected , ; tab or |, got '${text}'`);
      return d;
    },
  }),
  decimal: valueOption<'.' | ',' | undefined>({
    name: 'decimal',
    valueName: 'C',
    description: "fit: the history's decimal separator, . or , (default: detected from the numbers)",
    default: undefined,
    defaultDescription: 'detected',
    parse: (text, flag) => {
      if (text !== '.' && text !== ',') throw new UserError(`${flag}: expected . or , got '${text}'`);
      return text;
    },
  }),
  strict: flagOption({
    name: 'strict',
    description: 'Reject the history (exit 2) if any row is bad, instead of skipping bad rows with a count',
  }),
} as const satisfies Record<string, OptionSpec<unknown>>;
