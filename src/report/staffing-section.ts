/**
 * The `Staffing` section of the report.html `ccsim staff` writes (issue 11, part 6): the chart of
 * required against planned agents per interval and group, and the summary tables — per group
 * (headcount, paid hours, cost, change against the current plan), per day (the service level
 * each written plan achieves on fresh replications, with its 95% interval), and the shift plans
 * (which shifts, on which weeks, how many agents). Figures are formatted by the metric catalogue
 * (metrics/format.ts), as everywhere else in the report.
 *
 * html.ts places the section in the page (it imports this module, so this one escapes text
 * itself rather than importing html.ts back).
 */

import type { Scenario } from '../scenario/types.ts';
import type { StaffingResult } from '../staffing/index.ts';
import type { ServiceLevelVerdict, Verification } from '../staffing/verify.ts';
import { staffingCoverage } from '../staffing/shifts.ts';
import { openRequirement } from '../staffing/open-requirement.ts';
import { compile } from '../model/compile.ts';
import { metricInfo } from '../metrics/catalogue.ts';
import { formatMetric, formatMetricDifference, formatMetricWithCi, formatShare, NONE } from '../metrics/format.ts';
import { staffingSpec, type StaffingChartGroup } from './charts/staffing.ts';
import type { TopLevelSpec } from 'vega-lite';

/** What the section is drawn from. */
export interface StaffingReport {
  result: StaffingResult;
  currency: string | null;
  intervalMinutes: number;
  /** Per group: required, planned and current agents per interval (for the chart). */
  groups: StaffingChartGroup[];
}

/** Charts of the section are named with this prefix (html.ts keeps them out of the Charts section). */
export const STAFFING_CHART = 'staffing';

export const isStaffingChart = (c: { name: string }): boolean => c.name === STAFFING_CHART;

/**
 * The report input of a staffing run. `input` is the scenario as given (its staffing is the
 * current plan), `staffed` the interval plan, `shifts` the shift plan (null without groups in
 * shifts); all on the staffed scenario's horizon.
 */
export function staffingReport(input: Scenario, staffed: Scenario, shifts: Scenario | null, result: StaffingResult): StaffingReport {
  const h = staffed.horizon;
  const n = result.intervals.length;
  const model = compile(staffed);
  const groups = staffed.agent_groups.map((g, gi): StaffingChartGroup => {
    // While every type the group serves is closed nothing is required (open-requirement.ts).
    const required = openRequirement(model, gi, result.intervals.map((iv) => iv.required[g.id]?.simulated ?? 0));
    const shifted = shifts !== null && result.shifts[g.id] !== undefined ? shifts.agent_groups[gi]! : null;
    return {
      id: g.id,
      plan: shifted !== null ? 'shift plan' : 'interval plan',
      required,
      planned: shifted !== null ? staffingCoverage(shifted.staffing, h, h.interval_minutes, n) : staffingCoverage(g.staffing, h, h.interval_minutes, n),
      current: staffingCoverage(input.agent_groups[gi]!.staffing, h, h.interval_minutes, n),
    };
  });
  return { result, currency: input.costs.currency ?? null, intervalMinutes: h.interval_minutes, groups };
}

/** The section's chart (named `staffing`). */
export function staffingChart(report: StaffingReport): { name: string; title: string; caption: string; spec: TopLevelSpec } {
  return {
    name: STAFFING_CHART,
    title: 'Required and planned agents',
    caption:
      'Per agent group, the agents required per interval while its contact types are open (found by Erlang C/A and simulation), the agents the plan puts there (the shift plan for groups in shifts, time-averaged over breaks; the interval plan otherwise) and the scenario’s current plan (dashed).',
    spec: staffingSpec({ starts: report.result.intervals.map((iv) => iv.start), intervalMinutes: report.intervalMinutes, groups: report.groups }),
  };
}

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A table in the report's markup: `numeric` columns right-aligned. Cells are HTML. */
function table(head: readonly string[], rows: readonly string[][], numeric: (i: number) => boolean): string {
  const cls = (i: number): string => (numeric(i) ? ' class="num"' : '');
  return (
    `<table><thead><tr>${head.map((x, i) => `<th${cls(i)}>${esc(x)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('') +
    `</tbody></table>`
  );
}

/** Change of a cost against the current plan: `+€1,204 (+12.5%)`. */
function change(now: number, before: number, currency: string | null): string {
  if (!(before > 0)) return NONE;
  const money = formatMetricDifference('cost_agents', now - before, before, { currency });
  return `${money} (${now >= before ? '+' : '-'}${formatShare(Math.abs(now / before - 1))})`;
}

function groupTable(report: StaffingReport): string {
  const { result, currency } = report;
  const label = (m: 'paid_hours' | 'cost_agents'): string => metricInfo(m).label;
  const head = ['Agent group', 'Plan', 'Headcount', label('paid_hours'), label('cost_agents'), `${label('cost_agents')}, current plan`, 'Change'];
  let cost = 0;
  let current = 0;
  const rows = Object.entries(result.groups).map(([id, g]) => {
    const s = result.shifts[id];
    const paid = s?.paid_hours ?? g.paid_hours;
    const c = s?.cost_agents ?? g.cost_agents;
    cost += c;
    current += g.current_cost_agents;
    return [
      esc(id),
      s !== undefined ? 'shift plan' : 'interval plan',
      esc(formatMetric('agents', s?.headcount ?? result.headcount[id] ?? 0)),
      esc(formatMetric('paid_hours', paid)),
      esc(formatMetric('cost_agents', c, { currency })),
      esc(formatMetric('cost_agents', g.current_cost_agents, { currency })),
      esc(change(c, g.current_cost_agents, currency)),
    ];
  });
  rows.push(['<strong>All groups</strong>', '', '', '', `<strong>${esc(formatMetric('cost_agents', cost, { currency }))}</strong>`, esc(formatMetric('cost_agents', current, { currency })), esc(change(cost, current, currency))]);
  return table(head, rows, (i) => i >= 2);
}

function verdict(v: ServiceLevelVerdict | undefined): string {
  if (v === undefined || v.service_level === null) return NONE;
  const text = esc(formatMetricWithCi('service_level', v.service_level, v.ci95));
  return v.meets === false ? `<span class="worse">${text} below target</span>` : text;
}

function dayTable(title: string, v: Verification): string {
  const types = Object.keys(v.by_type);
  const head = ['Day', ...types.map((t) => `${metricInfo('service_level').label}: ${t}`)];
  const rows = v.by_day.map((d) => {
    const weekday = new Date(`${d.date}T00:00:00Z`).toUTCString().slice(0, 3);
    return [esc(`${weekday} ${d.date}`), ...types.map((t) => verdict(d.by_type[t]))];
  });
  rows.push(['<strong>Whole horizon</strong>', ...types.map((t) => verdict(v.by_type[t]))]);
  const share = v.loaded_intervals > 0 ? v.intervals_meeting / v.loaded_intervals : 1;
  const holds = v.holds ? '<strong class="met">holds</strong>' : '<strong class="missed">does not hold</strong>';
  return (
    `<h4>${esc(title)}: ${holds}</h4>` +
    table(head, rows, (i) => i > 0) +
    `<p class="hint">${esc(`${v.intervals_meeting} of ${v.loaded_intervals} loaded intervals (${formatShare(share)}) meet the target on their mean; on replications ${v.first_replication} to ${v.first_replication + v.replications - 1}, which the search never used.`)}</p>`
  );
}

function shiftTables(report: StaffingReport): string {
  const { result } = report;
  return Object.entries(result.shifts)
    .map(([id, s]) => {
      const head = ['Start', 'Hours', 'Weekly pattern', 'Agents', metricInfo('paid_hours').label];
      const rows = s.shifts.filter((x) => x.agents > 0).map((x) => [esc(x.start), esc(String(x.hours)), esc(x.week), esc(formatMetric('agents', x.agents)), esc(formatMetric('paid_hours', x.paid_hours))]);
      const how = s.method === 'integer_program' ? 'integer program (HiGHS)' : 'greedy cover';
      const note =
        `${how}; ${formatMetric('paid_hours', s.paid_hours)} paid, ${formatShare(s.gap)} above the LP lower bound` +
        (s.repairs > 0 ? `; ${s.repairs} shifts added after simulation` : '') +
        (s.uncoverable.length > 0 ? `; ${s.uncoverable.length} intervals no template covers` : '');
      return `<h4>${esc(id)}</h4><p class="hint">${esc(note)}</p>${rows.length > 0 ? table(head, rows, (i) => i === 1 || i >= 3) : '<p>No shifts.</p>'}`;
    })
    .join('');
}

/** The section; `figures` is the chart's figure HTML (empty with --no-charts). */
export function staffingSection(report: StaffingReport, figures: string): string {
  const { result } = report;
  const t = result.target;
  const target = `${formatShare(t.service_level)} answered within ${formatMetric('asa_seconds', t.threshold_seconds)}`;
  const s = result.search;
  const v = result.verification;
  const gaps = (result.template_gaps ?? []).map((g) => `<div class="note warning" role="alert"><strong>Template gap:</strong> ${esc(g.message)}</div>`).join('');
  return (
    `<section class="staffing"><h2>Staffing</h2>` +
    `<p class="hint">${esc(`Target ${target}. Search: ${s.iterations} iterations, ${s.simulations} simulations, seed ${result.seed}, ${result.replications} replications per plan. The figures below this section are those of the interval plan (staffed.yaml).`)}</p>` +
    gaps +
    figures +
    `<h3>Per agent group</h3>${groupTable(report)}` +
    `<p class="hint">Paid hours include shrinkage (and, for shift plans, paid breaks less absence); the current plan is the scenario’s own staffing over the same hours.</p>` +
    (v === undefined
      ? ''
      : `<h3>Service level per day</h3>${dayTable('staffed.yaml (interval plan)', v.plan)}${v.shifts !== null ? dayTable('staffed-shifts.yaml (shift plan)', v.shifts) : ''}`) +
    (Object.keys(result.shifts).length > 0 ? `<h3>Shift plans</h3>${shiftTables(report)}` : '') +
    `</section>`
  );
}
