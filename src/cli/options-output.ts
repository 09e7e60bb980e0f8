/** Options that say what a command prints and which files it writes (most commands). */
import { UserError } from '../errors.ts';
import { flagOption, onByDefault, valueOption, type OptionSpec } from './option-spec.ts';
import { parsePath } from './option-values.ts';

export const OUTPUT_OPTIONS = {
  json: flagOption({
    name: 'json',
    description: 'Print the result as JSON on stdout (and nothing else)',
  }),
  out: valueOption<string | undefined>({
    name: 'out',
    valueName: 'DIR',
    description: 'Write the run into this folder instead of output/<name>-<timestamp>/',
    default: undefined,
    parse: parsePath,
  }),
  force: flagOption({
    name: 'force',
    description: 'Allow --out to replace an existing, non-empty folder (fit: existing files)',
  }),
  xlsx: flagOption({
    name: 'xlsx',
    description: 'Also write results.xlsx (sheets Summary, Plans, Differences, Intervals, Groups, Assumptions) into the run folder',
  }),
  quiet: flagOption({
    name: 'quiet',
    description: 'Print nothing on stdout but --json output, and no progress (warnings and errors still go to stderr)',
  }),
  charts: onByDefault({
    name: 'charts',
    description: 'Draw the charts (SVG, PNG and vega-lite JSON; in report.html for runs, beside the YAML for fit); --no-charts skips them (faster)',
  }),
  period: valueOption<'week' | 'month'>({
    name: 'period',
    valueName: 'week|month',
    description: 'Period of the plan summary: paid hours and costs per week or per month, scaled from the reported horizon',
    default: 'week',
    parse: (text, flag) => {
      if (text === 'week' || text === 'month') return text;
      throw new UserError(`${flag}: expected week or month, got '${text}'`);
    },
  }),
} as const satisfies Record<string, OptionSpec<unknown>>;
