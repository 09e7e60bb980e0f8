/**
 * results.xlsx read back with exceljs: every number is a number cell equal to the Result's
 * figure, with the catalogue's display format, and every header row is frozen.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { workbookBytes } from '../../src/report/workbook.ts';
import { CATALOGUE } from '../../src/metrics/catalogue.ts';
import { compareBank, runBank } from './fixtures.ts';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCcsim } from '../helpers/cli.ts';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

const SHEETS = ['Summary', 'Plans', 'Differences', 'Intervals', 'Groups', 'Assumptions'];

describe('results.xlsx', () => {
  it('holds a simulation: the same numbers as the Result, as numbers with formats, headers frozen', async () => {
    const { scenario, result } = runBank(14, 3);
    const book = await read(await workbookBytes({ kind: 'simulate', scenario, result }));
    expect(book.worksheets.map((w) => w.name)).toEqual(SHEETS);
    for (const ws of book.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const sl = CATALOGUE.findIndex((m) => m.name === 'service_level');
    const summary = book.getWorksheet('Summary')!;
    const slCell = summary.getRow(2 + sl).getCell(2);
    expect(slCell.value).toBe(result.totals.service_level);
    expect(slCell.numFmt).toBe('0.0%');
    expect(summary.getRow(2 + sl).getCell(3).value).toBe(result.ci95!.totals.service_level);

    const intervals = book.getWorksheet('Intervals')!;
    expect(intervals.rowCount).toBe(1 + result.by_interval.length);
    const busy = result.by_interval.findIndex((iv) => iv.offered > 0);
    expect(intervals.getRow(2 + busy).getCell(1).value).toBe(result.by_interval[busy]!.start);
    expect(intervals.getRow(2 + busy).getCell(2 + sl).value).toBe(result.by_interval[busy]!.service_level);

    const groups = book.getWorksheet('Groups')!;
    const team = Object.entries(result.totals.by_group ?? {});
    expect(groups.rowCount).toBe(1 + team.length);
    expect(groups.getRow(2).getCell(5).value).toBe(team[0]![1].paid_hours);

    const assumptions = book.getWorksheet('Assumptions')!;
    const fields = new Map<string, unknown>();
    assumptions.eachRow((row, i) => {
      if (i > 1) fields.set(String(row.getCell(2).value), row.getCell(3).value);
    });
    expect(fields.get('service_level.target')).toBe(scenario.service_level.target);
  });

  it('holds a comparison: one row per plan and every paired difference', async () => {
    const { plans, compare } = compareBank([12, 16], 3);
    const book = await read(await workbookBytes({ kind: 'compare', scenarios: plans.map((p) => p.scenario), compare }));
    const planSheet = book.getWorksheet('Plans')!;
    expect(planSheet.rowCount).toBe(1 + compare.plans.length);
    const cost = CATALOGUE.findIndex((m) => m.name === 'cost_total');
    expect(planSheet.getRow(3).getCell(2 + cost).value).toBe(compare.plans[1]!.totals.cost_total);
    const diff = book.getWorksheet('Differences')!;
    expect(diff.rowCount).toBe(1 + compare.differences.length);
    expect(diff.getRow(2).getCell(4).value).toBe(compare.differences[0]!.mean);
  });

  it('is written by `ccsim sweep --xlsx`: one Summary row per grid point, the same numbers as sweep.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-xlsx-'));
    try {
      copyFileSync(fileURLToPath(new URL('../../scenarios/erlang-c.yaml', import.meta.url)), join(dir, 'e.yaml'));
      const r = runCcsim(dir, 'sweep', 'e.yaml', '--vary', 'agent_groups[team].agents=19..21:1', '--days', '1', '--period', 'month', '--xlsx', '--no-charts', '--quiet', '--out', 'swept');
      expect(r.status, r.stderr).toBe(0);
      const doc = JSON.parse(readFileSync(join(dir, 'swept', 'sweep.json'), 'utf8')) as import('../../src/experiment/sweep.ts').SweepDocument;
      expect(doc.period).toBe('month');
      expect(doc.summary).toBeDefined();
      const book = await read(new Uint8Array(readFileSync(join(dir, 'swept', 'results.xlsx'))));
      expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Points', 'Groups', 'Assumptions']);
      const summary = book.getWorksheet('Summary')!;
      const header = (summary.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 9)).toEqual(['#', 'agent_groups[team].agents', 'Meets every target', 'Least cost', 'Misses', 'Agents on line', 'FTE', 'Paid hours per month', 'Cost per month']);
      doc.rows.forEach((row, i) => {
        const cells = summary.getRow(2 + i);
        expect(cells.getCell(1).value).toBe(row.index);
        expect(cells.getCell(2).value).toBe(row.point['agent_groups[team].agents']);
        expect(cells.getCell(3).value).toBe(row.meets_targets);
        expect(cells.getCell(4).value).toBe(doc.summary!.best === row.index);
        expect(cells.getCell(7).value).toBe(row.fte);
        expect(cells.getCell(9).value).toBe(row.cost_per_period);
        expect(cells.getCell(10).value).toBe(row.totals.service_level);
        expect(cells.getCell(10).numFmt).toBe('0.0%');
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is written by `ccsim simulate --xlsx` into the run folder, and only with --xlsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-xlsx-'));
    try {
      copyFileSync(fileURLToPath(new URL('../../scenarios/erlang-c.yaml', import.meta.url)), join(dir, 'e.yaml'));
      const r = runCcsim(dir, 'simulate', 'e.yaml', '--days', '1', '--xlsx', '--no-charts', '--quiet', '--out', 'with');
      expect(r.status, r.stderr).toBe(0);
      const book = await read(new Uint8Array(readFileSync(join(dir, 'with', 'results.xlsx'))));
      const summary = JSON.parse(readFileSync(join(dir, 'with', 'summary.json'), 'utf8')) as { totals: { answered: number } };
      const answered = CATALOGUE.findIndex((m) => m.name === 'answered');
      expect(book.getWorksheet('Summary')!.getRow(2 + answered).getCell(2).value).toBe(summary.totals.answered);
      expect(runCcsim(dir, 'simulate', 'e.yaml', '--days', '1', '--no-charts', '--quiet', '--out', 'without').status).toBe(0);
      expect(existsSync(join(dir, 'without', 'results.xlsx'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
