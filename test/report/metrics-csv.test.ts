/**
 * metrics.csv loads as-is in DuckDB: dates as DATE, times as TIME, interval starts as
 * TIMESTAMP, values as numbers, names as text; and its totals reproduce summary.json.
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
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-metrics-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const s = scenario({
  name: 'Two types',
  horizon: { start: '2026-12-07', days: 1, interval_minutes: 60, warmup_hours: 0 },
  contact_types: [contactType('cards', { handle_time: exp(180), patience: exp(120) }), contactType('loans', { handle_time: exp(300) })],
  agent_groups: [group('team', { cards: 1, loans: 1 }, 9, { hourly_cost: 25 })],
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
    const { rows } = await query(`SELECT type, metric, unit, value, ci95_low, ci95_high FROM read_csv_auto('${file}') WHERE level = 'total'`);
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
    const sums = await query(`SELECT sum(value) FROM read_csv_auto('${file}') WHERE level = 'interval' AND metric = 'arrivals'`);
    close(sums.rows[0]![0], summary.totals.arrivals);
  });
});

describe('wide CSVs keep totals apart', () => {
  it('types.csv holds only types; totals.csv the totals', () => {
    expect(typesCsv(result).split('\r\n').map((l) => l.split(',')[0])).toEqual(['type', 'cards', 'loans', '']);
    const totals = totalsCsv(result).split('\r\n');
    expect(totals[1]!.startsWith('all,')).toBe(true);
  });
});
