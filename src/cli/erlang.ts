/**
 * `ccsim erlang`: the planner's Erlang calculator, instant (no simulation). One interval from
 * `--volume` (or every row of a history CSV with `--csv`, the export `ccsim fit` reads): agents
 * required, service level, ASA, P(wait), occupancy and FTE under Erlang C, and with `--patience`
 * under Erlang A (with abandonment) beside it; `--agents N` evaluates N agents instead.
 *
 * It must answer at once, so this module imports only the calculator, the CSV reader and the
 * option definitions, never the simulator or the chart libraries; a plain command line is read
 * without yargs (direct-args.ts).
 */
import { UserError } from '../errors.ts';
import { defineCommand } from './command.ts';
import { skipOptimizingCompiler } from './quick-start.ts';
import type { ColumnMap } from '../fit/history-columns.ts';
import { CalculatorInputError, erlangCalculator, type CalculatorInput, type CalculatorResult, type ModelFigures } from '../analytic/calculator.ts';

const FLAGS: Record<string, string> = {
  volume: '--volume',
  interval_minutes: '--interval-minutes',
  aht: '--aht',
  target: '--target',
  threshold: '--threshold',
  patience: '--patience',
  shrinkage: '--shrinkage',
  max_occupancy: '--max-occupancy',
  max_abandon_rate: '--max-abandon-rate',
  concurrency: '--concurrency',
  agents: '--agents',
};

/** The calculator with its range errors as the user's (exit 2), named by flag. */
function calculate(input: CalculatorInput, where = ''): CalculatorResult {
  try {
    return erlangCalculator(input);
  } catch (error) {
    if (error instanceof CalculatorInputError) {
      throw new UserError(`${where}${FLAGS[error.field] ?? error.field}: ${error.message.slice(error.field.length + 2)}`);
    }
    throw error;
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const secs = (x: number | null): string => (x === null ? 'unbounded' : `${x.toFixed(2)} s`);
const num = (x: number, d = 2): string => (Number.isInteger(x) ? String(x) : x.toFixed(d));

/** The JSON shape of one model's figures (without the internal `meets` flag's absence surprises). */
function figuresJson(f: ModelFigures): Record<string, unknown> {
  return { ...f };
}

function resultJson(r: CalculatorResult): Record<string, unknown> {
  return {
    load_erlangs: r.load,
    erlang_c: figuresJson(r.erlang_c),
    ...(r.erlang_a !== null ? { erlang_a: figuresJson(r.erlang_a) } : {}),
  };
}

/** The side-by-side table of one interval. */
function formatOne(input: CalculatorInput, r: CalculatorResult): string {
  const k = input.concurrency ?? 1;
  const lines: string[] = [];
  lines.push(
    `${num(input.volume)} contacts in ${num(input.intervalMinutes)} min, AHT ${num(input.ahtSeconds)} s: offered load ${r.load.toFixed(2)} Erlangs` +
      (k > 1 ? ` (${k} sessions per agent)` : ''),
  );
  lines.push(`target ${pct(input.target)} answered within ${num(input.thresholdSeconds)} s` + (input.maxOccupancy !== undefined ? `, occupancy at most ${pct(input.maxOccupancy)}` : ''));
  lines.push('');
  const a = r.erlang_a;
  const head = input.agents !== undefined ? 'agents (given)' : 'agents required';
  const rows: Array<[string, string, string]> = [
    ['', 'Erlang C', a !== null ? `Erlang A (patience ${num(input.patienceSeconds ?? 0)} s)` : ''],
    [head, String(r.erlang_c.agents), a !== null ? String(a.agents) : ''],
    ['service level', pct(r.erlang_c.service_level), a !== null ? pct(a.service_level) : ''],
    ['ASA (answered)', secs(r.erlang_c.asa_seconds), a !== null ? secs(a.asa_seconds) : ''],
    ['P(wait)', pct(r.erlang_c.wait_probability), a !== null ? pct(a.wait_probability) : ''],
    ['abandoned', '-', a !== null ? pct(a.abandon_rate) : ''],
    ['occupancy', pct(r.erlang_c.occupancy), a !== null ? pct(a.occupancy) : ''],
    [`FTE (shrinkage ${pct(input.shrinkage ?? 0)})`, r.erlang_c.fte.toFixed(2), a !== null ? a.fte.toFixed(2) : ''],
  ];
  if (input.agents !== undefined) rows.push(['meets the target', r.erlang_c.meets ? 'yes' : 'no', a !== null ? (a.meets ? 'yes' : 'no') : '']);
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  for (const [label, c, ea] of rows) lines.push(`${label.padEnd(w0)}  ${c.padStart(w1)}   ${ea}`.trimEnd());
  if (r.erlang_c.asa_seconds === null) lines.push('', `Erlang C: ${r.erlang_c.agents * k} servers for a load of ${r.load.toFixed(2)} Erlangs: the queue grows without bound`);
  return lines.join('\n') + '\n';
}

interface Row {
  date: string;
  interval: string;
  queue: string;
  volume: number;
  aht_seconds: number;
  result: CalculatorResult;
}

function formatTable(rows: readonly Row[], withA: boolean, intervalMinutes: number): string {
  const header = ['date', 'interval', 'queue', 'volume', 'aht_s', 'C_agents', 'C_sl', 'C_asa_s', 'C_occ', 'C_fte'];
  if (withA) header.push('A_agents', 'A_sl', 'A_abandon', 'A_fte');
  const body = rows.map((r) => {
    const c = r.result.erlang_c;
    const cells = [r.date, r.interval, r.queue, num(r.volume), num(r.aht_seconds, 1), String(c.agents), pct(c.service_level), c.asa_seconds === null ? '-' : c.asa_seconds.toFixed(1), pct(c.occupancy), c.fte.toFixed(2)];
    const a = r.result.erlang_a;
    if (withA && a !== null) cells.push(String(a.agents), pct(a.service_level), pct(a.abandon_rate), a.fte.toFixed(2));
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const hours = intervalMinutes / 60;
  let cHours = 0;
  let aHours = 0;
  for (const r of rows) {
    cHours += r.result.erlang_c.agents * hours;
    aHours += (r.result.erlang_a?.agents ?? 0) * hours;
  }
  const total = `${rows.length} intervals of ${num(intervalMinutes)} min: Erlang C ${cHours.toFixed(1)} agent-hours` + (withA ? `, Erlang A ${aHours.toFixed(1)} agent-hours` : '');
  return [line(header), ...body.map(line), '', total].join('\n') + '\n';
}

export const erlangCommand = defineCommand({
  name: 'erlang',
  describe: 'Erlang C / Erlang A calculator: agents required, service level, ASA, abandonment, occupancy, FTE (instant)',
  positionals: [],
  options: ['volume', 'intervalMinutes', 'aht', 'target', 'threshold', 'patience', 'shrinkage', 'maxOccupancy', 'concurrency', 'agents', 'csv', 'map', 'strict', 'json'],
  examples: [
    ['ccsim erlang --volume 100 --interval-minutes 30 --aht 180 --target 0.8 --threshold 20', 'agents required (14) and how they perform'],
    ['ccsim erlang --volume 100 --aht 180 --patience 120 --shrinkage 0.3', 'Erlang A beside Erlang C, FTE with 30% shrinkage'],
    ['ccsim erlang --volume 100 --aht 180 --agents 13', 'what 13 agents achieve'],
    ['ccsim erlang --csv history.csv --aht 300', 'one row per interval of the CSV'],
  ],
  run({ volume, intervalMinutes, aht, target, threshold, patience, shrinkage, maxOccupancy, concurrency, agents, csv, map, strict, json }) {
    const common = {
      target,
      thresholdSeconds: threshold,
      patienceSeconds: patience,
      shrinkage,
      maxOccupancy,
      concurrency,
      agents,
    };
    if (csv === undefined) {
      // One interval: a few milliseconds of arithmetic, less than the optimizing compiler costs.
      skipOptimizingCompiler();
      if (volume === undefined) throw new UserError('give --volume N (contacts in one interval) or --csv FILE (one row per interval)');
      if (aht === undefined) throw new UserError('--aht: the average handle time in seconds is needed');
      const input: CalculatorInput = { volume, intervalMinutes: intervalMinutes ?? 30, ahtSeconds: aht, ...common };
      const r = calculate(input);
      process.stdout.write(json ? JSON.stringify(resultJson(r), null, 2) + '\n' : formatOne(input, r));
      return;
    }
    if (volume !== undefined) throw new UserError('--volume and --csv: give one or the other');
    return tableFromCsv(csv, { intervalMinutes, aht, map, strict, json, common });
  },
});

async function tableFromCsv(
  file: string,
  o: {
    intervalMinutes: number | undefined;
    aht: number | undefined;
    map: readonly ColumnMap[];
    strict: boolean;
    json: boolean;
    common: Omit<CalculatorInput, 'volume' | 'intervalMinutes' | 'ahtSeconds'>;
  },
): Promise<void> {
  const { readHistory, formatProblems, summarizeProblems, skippedRows } = await import('../fit/history-csv.ts');
  // As fit reads it: a regular file within the limit (a pipe or /dev/zero would hang or fill memory).
  const { readHistoryText } = await import('../fit/index.ts');
  const history = readHistory(readHistoryText(file), file, { maps: o.map });
  const problems = [...history.problems];
  if (problems.length > 0 && o.strict) {
    throw new UserError(`${file}: ${summarizeProblems(problems)}\n` + formatProblems(file, problems, 50).map((l) => `  ${l}`).join('\n'));
  }
  const minutes = o.intervalMinutes ?? history.intervalMinutes;
  if (minutes === null) throw new UserError(`${file}: the interval length cannot be inferred (one interval per day); give --interval-minutes`);
  const rows: Row[] = [];
  const noAht: number[] = [];
  for (const h of history.rows) {
    const aht = h.aht !== undefined && h.aht > 0 ? h.aht : o.aht;
    if (aht === undefined) {
      if (h.offered > 0) {
        noAht.push(h.line);
        continue;
      }
    }
    const input: CalculatorInput = { volume: h.offered, intervalMinutes: minutes, ahtSeconds: aht ?? 1, ...o.common };
    const hh = String(Math.floor(h.minute / 60)).padStart(2, '0');
    const mm = String(h.minute % 60).padStart(2, '0');
    rows.push({ date: h.date, interval: `${hh}:${mm}`, queue: h.queue, volume: h.offered, aht_seconds: aht ?? 0, result: calculate(input, `${file}:${h.line}: `) });
  }
  if (noAht.length > 0) {
    const lines = noAht.slice(0, 10).join(', ') + (noAht.length > 10 ? ', ...' : '');
    const message = `${file}: ${noAht.length} rows with volume have no aht (lines ${lines}); give --aht SECONDS for them`;
    if (o.strict || rows.length === 0) throw new UserError(message);
    process.stderr.write(`warning: ${message}; skipped\n`);
  }
  if (problems.length > 0) {
    process.stderr.write(
      `warning: ${file}: skipped ${skippedRows(problems)} of ${history.rowsRead} rows: ${summarizeProblems(problems)}\n` +
        formatProblems(file, problems, 20).map((l) => `  ${l}\n`).join(''),
    );
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.interval < b.interval ? -1 : a.interval > b.interval ? 1 : a.queue < b.queue ? -1 : 1));
  if (o.json) {
    const out = {
      interval_minutes: minutes,
      intervals: rows.map((r) => ({ date: r.date, interval: r.interval, queue: r.queue, volume: r.volume, aht_seconds: r.aht_seconds, ...resultJson(r.result) })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return;
  }
  process.stdout.write(formatTable(rows, o.common.patienceSeconds !== undefined, minutes));
}
