/**
 * metrics.csv loads as-is in DuckDB: dates as DATE, times as TIME, interval starts as
 * TIMESTAMP, values as numbers, names as text; and its totals reproduce summary.json. Its group
 * and type x interval rows add up to the totals as the metrics definitions say; events.csv and
 * weekly.csv load with the right types too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { simulate } from '../../src/experiment/simulate.ts';
import { resultMetricsCsv } from '../../src/report/metrics-csv.ts';
import { resultToJson } from '../../src/report/json.ts';
import { totalsCsv, typesCsv } from '../../src/report/csv.ts';
import { resultCsvFiles } from '../../src/report/result-files.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-metrics-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const s = scenario({
  name: 'Two types',
  horizon: { start: '2026-12-07', days: 1, interval_minutes: 60, warmup_hours: 0 },
  contact_types: [contactType('cards', { handle_time: exp(180), patience: exp(120) }), contactType('loans', { handle_time: exp(300) })],
  agent_groups: [group('team', { cards: 1, loans: 1 }, 7, { hourly_cost: 25 }), group('card-desk', { cards: 1 }, 3, { hourly_cost: 30 })],
  costs: { per_minute_voice: 0.01, per_contact: 0, overhead_per_agent_hour: 0, currency: 'EUR' },
});
const result = simulate(s, { replications: 3 });
const file = join(dir, 'metrics.csv');
writeFileSync(file, resultMetricsCsv(result, 'EUR'));
const summary = JSON.parse(resultToJson(result)) as typeof result;

async function query(sql: string): Promise<{ columns: string[]; types: string[]; rows: unknown[][] }> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const reader = await con.runAndReadAll(sql);
    return { columns: reader.columnNames(), types: reader.columnTypes().map((t) => t.toString()), rows: reader.getRowsJS() };
  } finally {
    con.closeSync();
  }
}

describe('metrics.csv in DuckDB', () => {
  it('infers dates, times, timestamps, numbers and text', async () => {
    const { columns, types } = await query(`SELECT * FROM read_csv_auto('${file}') LIMIT 1`);
    const typeOf = Object.fromEntries(columns.map((c, i) => [c, types[i]]));
    expect(typeOf).toMatchObject({
      plan: 'VARCHAR',
      level: 'VARCHAR',
      date: 'DATE',
      time: 'TIME',
      weekday: 'VARCHAR',
      interval_start: 'TIMESTAMP',
      type: 'VARCHAR',
      group: 'VARCHAR',
      metric: 'VARCHAR',
      unit: 'VARCHAR',
      value: 'DOUBLE',
      ci95_low: 'DOUBLE',
      ci95_high: 'DOUBLE',
    });
  });

  it('holds one row per interval and metric, on the right dates and weekdays', async () => {
    const { rows } = await query(
      `SELECT count(DISTINCT interval_start), strftime(min(date), '%Y-%m-%d'), max(date), min(weekday), max(weekday) FROM read_csv_auto('${file}') WHERE level = 'interval'`,
    );
    expect(Number(rows[0]![0])).toBe(24);
    expect(rows[0]![1]).toBe('2026-12-07');
    expect(rows[0]![3]).toBe('mon'); // 7 December 2026 is a Monday
    expect(rows[0]![4]).toBe('mon');
  });

  it('reproduces summary.json: totals, per type, and interval counts that add up to the totals', async () => {
    const { rows } = await query(`SELECT type, metric, unit, value, ci95_low, ci95_high FROM read_csv_auto('${file}') WHERE level = 'total' AND "group" = 'all'`);
    const get = (type: string, metric: string) => rows.find((r) => r[0] === type && r[1] === metric);
    const close = (a: unknown, b: number) => expect(Math.abs(Number(a) - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));
    close(get('all', 'service_level')![3], summary.totals.service_level!);
    close(get('all', 'arrivals')![3], summary.totals.arrivals);
    close(get('all', 'cost_total')![3], summary.totals.cost_total);
    expect(get('all', 'cost_total')![2]).toBe('EUR');
    close(get('all', 'ttr_hours.p90')![3], summary.totals.ttr_hours.p90!);
    close(get('cards', 'asa_seconds')![3], summary.by_type['cards']!.asa_seconds!);
    close(get('loans', 'offered')![3], summary.by_type['loans']!.offered);
    close(get('all', 'service_level')![5], summary.totals.service_level! + summary.ci95!.totals.service_level!);
    const sums = await query(`SELECT sum(value) FROM read_csv_auto('${file}') WHERE level = 'interval' AND metric = 'arrivals' AND type = 'all' AND "group" = 'all'`);
    close(sums.rows[0]![0], summary.totals.arrivals);
  });
});

describe('group and type x interval rows of metrics.csv in DuckDB', () => {
  const sumOf = async (where: string) => Number((await query(`SELECT sum(value) FROM read_csv_auto('${file}') WHERE ${where}`)).rows[0]![0]);
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(b)));

  it('per group: paid hours and cost add up to the totals, busy / logged hours is the total occupancy', async () => {
    const groups = await query(`SELECT DISTINCT "group" FROM read_csv_auto('${file}') WHERE "group" <> 'all' ORDER BY 1`);
    expect(groups.rows.map((r) => r[0])).toEqual(['card-desk', 'team']);
    const total = "level = 'total' AND type = 'all'";
    close(await sumOf(`${total} AND "group" <> 'all' AND metric = 'paid_hours'`), summary.totals.paid_hours);
    close(await sumOf(`${total} AND "group" <> 'all' AND metric = 'cost'`), summary.totals.cost_agents);
    const busy = await sumOf(`${total} AND "group" <> 'all' AND metric = 'busy_hours'`);
    const logged = await sumOf(`${total} AND "group" <> 'all' AND metric = 'logged_hours'`);
    close(busy / logged, summary.totals.occupancy!);
    const desk = await query(`SELECT unit, value, ci95_low FROM read_csv_auto('${file}') WHERE ${total} AND "group" = 'card-desk' AND metric = 'occupancy'`);
    expect(desk.rows[0]![0]).toBe('share');
    close(Number(desk.rows[0]![1]), summary.totals.by_group!['card-desk']!.occupancy!);
    close(Number(desk.rows[0]![2]), summary.totals.by_group!['card-desk']!.occupancy! - summary.ci95!.totals.by_group!['card-desk']!.occupancy!);
    const cost = await query(`SELECT unit FROM read_csv_auto('${file}') WHERE "group" = 'team' AND metric = 'cost' LIMIT 1`);
    expect(cost.rows[0]![0]).toBe('EUR');
  });

  it('per type and interval: the types add up to the interval, and the intervals to the type', async () => {
    const byInterval = await query(
      `SELECT interval_start, sum(value) FILTER (WHERE type <> 'all'), sum(value) FILTER (WHERE type = 'all') FROM read_csv_auto('${file}') WHERE level = 'interval' AND "group" = 'all' AND metric = 'offered' GROUP BY 1`,
    );
    expect(byInterval.rows).toHaveLength(24);
    for (const r of byInterval.rows) close(Number(r[1]), Number(r[2]));
    close(await sumOf(`level = 'interval' AND type = 'cards' AND metric = 'answered'`), summary.by_type['cards']!.answered);
  });
});

describe('events.csv and weekly.csv in DuckDB', () => {
  const incident = { name: 'CRM slow', from: '2026-12-08T10:00', to: '2026-12-08T13:00', types: ['cards'], arrivals_factor: 1, handle_time_factor: 1.5, self_service_down: false, agents_absent: {} };
  const twoWeeks = simulate({ ...s, horizon: { ...s.horizon, days: 14 }, events: [incident] }, { replications: 2 });
  const files = resultCsvFiles(twoWeeks, 'EUR');
  writeFileSync(join(dir, 'events.csv'), files['events.csv']!);
  writeFileSync(join(dir, 'weekly.csv'), files['weekly.csv']!);

  it('a run with events and two weeks gets both files, one with neither gets none', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['events.csv', 'weekly.csv']));
    expect(Object.keys(resultCsvFiles(result, 'EUR'))).not.toContain('events.csv');
    expect(Object.keys(resultCsvFiles(result, 'EUR'))).not.toContain('weekly.csv');
  });

  it('events.csv: date-times, numbers, text; the figures of summary.json', async () => {
    const { columns, types, rows } = await query(`SELECT * FROM read_csv_auto('${join(dir, 'events.csv')}')`);
    const typeOf = Object.fromEntries(columns.map((c, i) => [c, types[i]]));
    expect(typeOf).toMatchObject({ event: 'VARCHAR', from: 'TIMESTAMP', to: 'TIMESTAMP', types: 'VARCHAR', service_level_during: 'DOUBLE', service_level_during_ci95: 'DOUBLE' });
    const e = twoWeeks.events![0]!;
    const at = (c: string) => rows[0]![columns.indexOf(c)];
    expect(at('event')).toBe('CRM slow');
    expect(at('types')).toBe('cards');
    expect(Math.abs(Number(at('service_level_during')) - e.service_level_during!)).toBeLessThanOrEqual(1e-6);
    expect(Number(at('offered_during'))).toBeCloseTo(e.offered_during, 6);
  });

  it('weekly.csv: ISO dates and numbers, one row per week', async () => {
    const { columns, types, rows } = await query(`SELECT * FROM read_csv_auto('${join(dir, 'weekly.csv')}')`);
    const typeOf = Object.fromEntries(columns.map((c, i) => [c, types[i]]));
    expect(typeOf['week_start']).toBe('DATE');
    // Numbers as numbers (whole-number columns, such as 10 agents all week, infer as BIGINT).
    for (const c of columns.slice(1)) expect(['DOUBLE', 'BIGINT'], c).toContain(typeOf[c]);
    expect(typeOf['aht_seconds']).toBe('DOUBLE');
    expect(rows).toHaveLength(2);
    expect(Number(rows[1]![columns.indexOf('aht_seconds')])).toBeCloseTo(twoWeeks.weekly![1]!.aht_seconds!, 4);
  });
});

describe('wide CSVs keep totals apart', () => {
  it('types.csv holds only types; totals.csv the totals', () => {
    expect(typesCsv(result).split('\r\n').map((l) => l.split(',')[0])).toEqual(['type', 'cards', 'loans', '']);
    const totals = totalsCsv(result).split('\r\n');
    expect(totals[1]!.startsWith('all,')).toBe(true);
  });
});
