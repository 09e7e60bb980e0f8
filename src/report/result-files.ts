/**
 * The CSV files of a simulation's run folder (see csv.ts and metrics-csv.ts for what each
 * holds): the wide tables, metrics.csv in long form, and events.csv, weekly.csv and
 * cohort_weeks.csv when the run has events, a weekly table, hiring cohorts.
 */
import type { Result } from '../metrics/types.ts';
import { cohortWeeksCsv, eventsCsv, groupsCsv, intervalGroupsCsv, intervalTypesCsv, intervalsCsv, totalsCsv, typesCsv, weeklyCsv } from './csv.ts';
import { resultMetricsCsv } from './metrics-csv.ts';

/** File name -> CSV text; `currency` is the scenario's `costs.currency` (the unit of money rows). */
export function resultCsvFiles(result: Result, currency?: string | null): Record<string, string> {
  const files: Record<string, string> = {
    'intervals.csv': intervalsCsv(result),
    'types.csv': typesCsv(result),
    'totals.csv': totalsCsv(result),
    'metrics.csv': resultMetricsCsv(result, currency),
    'interval_types.csv': intervalTypesCsv(result),
    'groups.csv': groupsCsv(result),
    'interval_groups.csv': intervalGroupsCsv(result),
  };
  if (result.events !== undefined && result.events.length > 0) files['events.csv'] = eventsCsv(result);
  if (result.weekly !== undefined && result.weekly.length > 0) {
    files['weekly.csv'] = weeklyCsv(result);
    if (result.weekly.some((w) => Object.keys(w.cohorts).length > 0)) files['cohort_weeks.csv'] = cohortWeeksCsv(result);
  }
  return files;
}
