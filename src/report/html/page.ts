/**
 * `report.html`: one self-contained page per run (simulate, compare or sweep) that a planner
 * can open from disk, mail, or print on A4. The page is assembled here from its parts:
 *
 *   markup.ts (escaping, tables, figure cells)   cards.ts (headline cards)
 *   run-tables.ts (types, groups, scorecard, events, weeks, intervals)
 *   compare-sections.ts (plan summary, plans, scorecard ranking, differences, changes)
 *   sweep-section.ts (grid points)   assumptions.ts (the scenario)   charts.ts (inline SVG)
 *   style.ts (screen and A4 print CSS)
 *
 * - Self-contained: CSS inline, charts as inline SVG, no scripts, no fonts or images fetched, no
 *   URL of any kind.
 * - Contents: the headline figures with their 95% intervals, the charts, the scenario's key
 *   assumptions (volumes, staffing, routing, self-service, costs), and the table of figures
 *   (per interval for a run; per plan or grid point for a comparison or sweep).
 * - Print: A4 pages, charts and table rows never split across pages, table headers repeated.
 *
 * Every text that comes from a scenario or result is HTML-escaped. A figure that is not defined
 * (a ratio with a zero denominator) shows as `–`, never as NaN. Nothing here imports Node-only
 * modules: the studio builds the same page in the browser; writing it is run-folder code.
 */
import type { Metrics, Result } from '../../metrics/types.ts';
import type { CompareResult, SweepResult } from '../../experiment/types.ts';
import type { Scenario } from '../../scenario/types.ts';
import { reportedHours } from '../../experiment/plan-summary.ts';
import { summarySentence, targetTexts } from '../summary-sentences.ts';
import { overloadWarning } from '../overload.ts';
import { daysText, escapeHtml, plural } from './markup.ts';
import { headlineCards } from './cards.ts';
import { eventTable, groupTable, intervalTable, runScorecard, typeTable, weeklyTable } from './run-tables.ts';
import { differenceTable, planChanges, planSummary, planTable, scorecardTable } from './compare-sections.ts';
import { sweepTable } from './sweep-section.ts';
import { assumptions } from './assumptions.ts';
import { chartFigure, chartSection, type ReportChart } from './charts.ts';
import { isStaffingChart, staffingSection, type StaffingReport } from '../staffing-section.ts';
import { CSS } from './style.ts';

/** What a report is made from (the same shape `reportFiles` takes). */
export type ReportInput =
  | { kind: 'simulate'; scenario: Scenario; result: Result; staffing?: StaffingReport }
  | { kind: 'compare'; plans: Array<{ name: string; scenario: Scenario }>; compare: CompareResult }
  | { kind: 'sweep'; scenario: Scenario; sweep: SweepResult };

/** The overload warning (see overload.ts) as a note above the figures, or nothing. */
function overloadNote(totals: Metrics): string {
  const w = overloadWarning(totals);
  return w === null ? '' : `<div class="note warning" role="alert"><strong>Warning:</strong> ${escapeHtml(w)}</div>`;
}

/** Everything the page says about the run, by kind. */
function body(input: ReportInput, charts: readonly ReportChart[] | null): { title: string; html: string } {
  switch (input.kind) {
    case 'simulate': {
      const { scenario, result } = input;
      // `ccsim staff`: its Staffing section first, with its chart; the other charts as for any run.
      const staffing =
        input.staffing === undefined ? '' : staffingSection(input.staffing, (charts ?? []).filter(isStaffingChart).map(chartFigure).join(''));
      charts = charts === null ? null : charts.filter((c) => !isStaffingChart(c));
      const reps = result.replications;
      const meta =
        `Simulation: seed ${result.seed}, ${daysText(scenario.horizon.days)}, ${plural(reps, 'replication')}` +
        (reps > 1 ? ' — figures are means; ± is the 95% interval half-width' : ' — a single run has no intervals (use --replications)');
      return {
        title: result.scenario,
        html:
          `<header><h1>${escapeHtml(result.scenario)}</h1><p class="meta">${escapeHtml(meta)}</p></header>` +
          (reps < 2
            ? `<p class="hint warn">One replication: every figure, and above all every interval figure, is one sample of a random day. A quiet interval's service level can swing from 15% to 100% by chance; run with --replications 10 or more for 95% intervals before reading patterns into it.</p>`
            : '') +
          overloadNote(result.totals) +
          staffing +
          `<section><h2>Headline figures</h2>${headlineCards(result.totals, result.ci95?.totals, scenario)}` +
          `<h3>By contact type</h3>${typeTable(result, scenario)}${groupTable(result, scenario)}${runScorecard(result)}${eventTable(result)}${weeklyTable(result)}</section>` +
          chartSection(charts) +
          `<section><h2>Key assumptions</h2>${assumptions(scenario)}</section>` +
          `<section class="intervals"><h2>Intervals</h2><p class="hint">Per interval, contacts counted in the interval they arrived in` +
          (reps > 1 ? '; ± is the 95% interval half-width' : '') +
          (reps > 1 ? '' : ' (one sample each: no intervals)') + `.</p>${intervalTable(result, scenario)}</section>`,
      };
    }
    case 'compare': {
      const { plans, compare } = input;
      const title = `Comparison: ${compare.plans.map((p) => p.name).join(' vs ')}`;
      const reps = compare.replications ?? null;
      const meta =
        `${plural(compare.plans.length, 'plan')}` +
        (compare.seed !== undefined ? `, seed ${compare.seed}` : '') +
        (reps !== null ? `, ${plural(reps, 'replication')} each on common random numbers` : '') +
        ' — ± is the 95% interval half-width';
      const first = plans[0];
      const scenarioSections =
        first === undefined
          ? ''
          : `<div class="plan-assumptions"><h3>${escapeHtml(first.name)} (baseline)</h3>${assumptions(first.scenario)}</div>${planChanges(compare)}`;
      const sentence =
        first === undefined
          ? summarySentence(compare)
          : summarySentence(compare, { reportedHours: reportedHours(first.scenario), targets: targetTexts(first.scenario) });
      const single = (reps ?? 1) < 2 ? '<p class="hint warn">One replication: every figure is one sample and there are no intervals; run with --replications 10 or more before reading differences.</p>' : '';
      return {
        title,
        html:
          `<header><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(meta)}</p></header>` +
          (compare.summary === undefined && single === '' ? '' : `<section><h2>Plan summary</h2>${single}${planSummary(compare, sentence)}</section>`) +
          `<section><h2>Headline figures</h2>${planTable(compare)}${scorecardTable(compare)}${differenceTable(compare)}</section>` +
          chartSection(charts) +
          `<section><h2>Key assumptions</h2>${scenarioSections || '<p>The plans’ scenarios were not saved with this run.</p>'}</section>`,
      };
    }
    case 'sweep': {
      const { scenario, sweep } = input;
      // The points ran over --days when given: the period is scaled from those.
      const withDays = typeof sweep.days === 'number' ? { ...scenario, horizon: { ...scenario.horizon, days: sweep.days } } : scenario;
      const title = `Sweep: ${sweep.scenario ?? scenario.name}`;
      const axes = (sweep.grid ?? []).map((a) => `${a.path} over ${a.values.join(', ')}`).join('; ');
      const meta =
        `${plural(sweep.rows.length, 'grid point')}` +
        (axes ? ` — ${axes}` : '') +
        (sweep.replications !== undefined ? ` — ${plural(sweep.replications, 'replication')} per point` : '') +
        (sweep.shard !== undefined ? ` — shard ${sweep.shard.index} of ${sweep.shard.count}` : '');
      return {
        title,
        html:
          `<header><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(meta)}</p></header>` +
          `<section><h2>Grid points</h2><p class="hint">Means with 95% interval half-widths (±); ● marks the Pareto front of cost per contact against service level.</p>` +
          `${sweepTable(sweep, withDays, targetTexts(withDays), reportedHours(withDays))}</section>` +
          chartSection(charts) +
          `<section><h2>Key assumptions (base scenario)</h2>${assumptions(scenario)}</section>`,
      };
    }
  }
}

/**
 * The report page as HTML text. `charts` null: drawn without charts (`--no-charts`); the page
 * says so.
 */
export function reportHtml(input: ReportInput, charts: readonly ReportChart[] | null): string {
  const { title, html } = body(input, charts);
  const noCharts = charts === null ? '<p class="hint">Charts were not drawn for this report (--no-charts).</p>' : '';
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(title)} — ccsim report</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n` +
    html +
    noCharts +
    `<footer>Made by ccsim. Metric definitions: the README’s “Metrics” section. ` +
    `Charts are also in the charts/ folder as SVG, PNG and vega-lite JSON.</footer>\n</main>\n</body>\n</html>\n`
  );
}
