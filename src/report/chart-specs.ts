/**
 * The charts of a report, as vega-lite specs: which charts a simulate, compare or sweep report
 * has, with their titles and captions. Pure and Node-free (no library is loaded), so the CLI
 * (report-files.ts) and the what-if studio page draw the same charts from the same specs.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Metrics } from '../metrics/types.ts';
import type { ReportInput } from './html.ts';
import { intradaySpec } from './charts/intraday.ts';
import { heatmapSpec } from './charts/heatmap.ts';
import { compareSpec } from './charts/compare.ts';
import { forestSpec } from './charts/forest.ts';
import { costSpec } from './charts/cost.ts';
import { ttrSpec } from './charts/ttr.ts';
import { ttrHistogramSpec } from './charts/ttr-histogram.ts';
import { frontierSpec, pointLabels } from './charts/frontier.ts';
import { tradeoffSpec } from './charts/tradeoff.ts';
import { staffingChart } from './staffing-section.ts';

/** One chart of a report: its file stem under charts/, its title and caption, and its spec. */
export interface ChartEntry {
  name: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Sweeps with more grid points than this get no per-point cost chart (the bars would not fit). */
const MAX_COST_BARS = 30;

/** The charts a report has, by kind of run. Pure: no library is loaded. */
export function chartSpecs(input: ReportInput): ChartEntry[] {
  switch (input.kind) {
    case 'simulate': {
      const { scenario, result } = input;
      const target = scenario.service_level.target;
      const types = Object.entries(result.by_type);
      const rows: Array<{ name: string; totals: Metrics }> = [
        { name: 'All contacts', totals: result.totals },
        ...(types.length > 1 ? types.map(([name, totals]) => ({ name, totals })) : []),
      ];
      return [
        ...(input.staffing !== undefined ? [staffingChart(input.staffing)] : []),
        {
          name: 'intraday',
          title: 'Intraday profile',
          caption:
            'Arrivals per interval (bars), mean agents on line (line, right axis) and service level per interval against the target (dashed).' +
            (result.ci95 !== undefined ? ' The band is the 95% interval of the service level.' : ''),
          spec: intradaySpec({ result, target, intervalMinutes: scenario.horizon.interval_minutes }),
        },
        {
          name: 'heatmap',
          title: 'Service level by weekday and hour',
          caption: 'Each cell pools the intervals of that weekday and hour, weighted by offered contacts; red is below the target, green above; grey had no contacts.',
          spec: heatmapSpec({ result, target }),
        },
        {
          name: 'cost',
          title: 'Cost breakdown',
          caption: 'Cost per contact split into agents (paid hours), self-service sessions, telephony and per-contact fees; agent cost is shared among contact types by the agent time each took.',
          spec: costSpec({ plans: rows, title: types.length > 1 ? 'Cost breakdown by contact type' : 'Cost breakdown' }),
        },
        {
          name: 'ttr',
          title: 'Time to resolution',
          caption: 'For resolved cases, the time from the first contact to resolution: median, mean and 90th percentile.',
          spec: ttrSpec({ rows: rows.map((r) => ({ label: r.name, ttr: r.totals.ttr_hours })) }),
        },
        {
          name: 'ttr-distribution',
          title: 'Distribution of time to resolution',
          caption: 'Resolved cases by time to resolution, in log-spaced bins (four per doubling), pooled over replications; the dashed lines mark the median and the 90th percentile.',
          spec: ttrHistogramSpec({ result }),
        },
      ];
    }
    case 'compare': {
      const plans = input.compare.plans;
      const target = input.plans[0]?.scenario.service_level.target;
      return [
        {
          name: 'differences',
          title: 'Differences to the baseline',
          caption:
            'Each plan minus the baseline, per headline metric, with its paired 95% interval (common random numbers). Green: better; red: worse (by the metric’s better direction); grey: no clear difference (the interval includes zero) or a metric with no better direction.',
          spec: forestSpec({ compare: input.compare }),
        },
        {
          name: 'compare',
          title: 'Plans compared',
          caption: 'Service level (against the target, dashed), first-contact resolution, mean time to resolution and cost per contact per plan; whiskers are 95% intervals.',
          spec: compareSpec({ plans, target }),
        },
        {
          name: 'cost',
          title: 'Cost breakdown per plan',
          caption: 'Cost per contact of each plan split into agents (paid hours), self-service sessions, telephony and per-contact fees.',
          spec: costSpec({ plans, title: 'Cost breakdown per plan' }),
        },
        {
          name: 'tradeoff',
          title: 'Cost against customer effort and FCR',
          caption:
            'One point per plan: cost per contact against the mean effort of a case (1 effortless .. 7 very hard, from the effort points in the assumptions) and against first-contact resolution; crosses are 95% intervals.',
          spec: tradeoffSpec({ points: plans.map((p) => ({ label: p.name, totals: p.totals, ci95: p.ci95 })), noun: 'plan' }),
        },
        {
          name: 'ttr',
          title: 'Time to resolution per plan',
          caption: 'For resolved cases, the time from the first contact to resolution: median, mean and 90th percentile, per plan.',
          spec: ttrSpec({ rows: plans.map((p) => ({ label: p.name, ttr: p.totals.ttr_hours })), title: 'Time to resolution per plan' }),
        },
      ];
    }
    case 'sweep': {
      const rows = input.sweep.rows;
      const charts: ChartEntry[] = [
        {
          name: 'frontier-service-level',
          title: 'Cost against service level',
          caption: 'One point per grid point; the red line joins the Pareto front: the points no other point beats on both cost per contact and service level.',
          spec: frontierSpec({ rows, measure: 'service_level' }),
        },
        {
          name: 'frontier-fcr',
          title: 'Cost against first-contact resolution',
          caption: 'One point per grid point; the red line joins the Pareto front of cost per contact against first-contact resolution.',
          spec: frontierSpec({ rows, measure: 'fcr' }),
        },
      ];
      const pointNames = pointLabels(rows.map((r) => r.point));
      charts.push({
        name: 'tradeoff',
        title: 'Cost against customer effort and FCR',
        caption:
          'One point per grid point: cost per contact against the mean effort of a case (1 effortless .. 7 very hard) and against first-contact resolution; crosses are 95% intervals.',
        spec: tradeoffSpec({ points: rows.map((r, i) => ({ label: pointNames[i] || `point ${i + 1}`, totals: r.totals, ci95: r.ci95 })), noun: 'grid point' }),
      });
      if (rows.length <= MAX_COST_BARS) {
        const labels = pointLabels(rows.map((r) => r.point));
        charts.push({
          name: 'cost',
          title: 'Cost breakdown per grid point',
          caption: 'Cost per contact of each grid point split into agents, self-service sessions, telephony and per-contact fees.',
          spec: costSpec({ plans: rows.map((r, i) => ({ name: labels[i] || `point ${i + 1}`, totals: r.totals })), title: 'Cost breakdown per grid point' }),
        });
      }
      return charts;
    }
  }
}
