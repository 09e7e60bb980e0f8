/**
 * `report.html`: one self-contained page per run (simulate, compare or sweep) that a planner
 * can open from disk, mail, or print on A4.
 *
 * - Self-contained: CSS inline, charts as inline SVG, no scripts, no fonts or images fetched, no
 *   URL of any kind.
 * - Contents: the headline figures with their 95% intervals, the charts, the scenario's key
 *   assumptions (volumes, staffing, routing, self-service, costs), and the table of figures
 *   (per interval for a run; per plan or grid point for a comparison or sweep).
 * - Print: A4 pages, charts and table rows never split across pages, table headers repeated.
 *
 * Every text that comes from a scenario or result is HTML-escaped. A figure that is not defined
 * (a ratio with a zero denominator) shows as `–`, never as NaN.
 */

import type { Metrics, Result } from '../metrics/types.ts';
import type { CompareResult, SweepResult, SweepRow } from '../experiment/types.ts';
import { isMetricName, metricInfo, metricValue, verdictOf, type MetricName } from '../metrics/catalogue.ts';
import { formatMetric, formatMetricDifference, formatMoney, formatNumber } from '../metrics/format.ts';
import { summarySentence, targetText } from './compare.ts';
import { reportedHours, targetsOf } from '../experiment/plan-summary.ts';
import type { Distribution, Scenario, Staffing } from '../scenario/types.ts';
import { paretoFront, pointLabels } from './charts/frontier.ts';
import { effortRows, repeatChannels } from './effort-assumptions.ts';
import { overloadWarning } from './overload.ts';
import { isStaffingChart, staffingSection, type StaffingReport } from './staffing-section.ts';

/** What a report is made from (the same shape `reportFiles` takes). */
export type ReportInput =
  | { kind: 'simulate'; scenario: Scenario; result: Result; staffing?: StaffingReport }
  | { kind: 'compare'; plans: Array<{ name: string; scenario: Scenario }>; compare: CompareResult }
  | { kind: 'sweep'; scenario: Scenario; sweep: SweepResult };

/** A chart ready for the page. */
export interface ReportChart {
  /** File stem under charts/, also used to keep SVG ids apart. */
  name: string;
  title: string;
  /** How to read it, one or two sentences. */
  caption: string;
  svg: string;
}

const NONE = '–';

// ---------------------------------------------------------------------------------------------
// Formatting

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function isNum(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function group(text: string): string {
  const [int = '', frac] = text.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
}

function fixed(x: number | null | undefined, decimals: number): string {
  return isNum(x) ? group(x.toFixed(decimals)) : NONE;
}

function pct(x: number | null | undefined): string {
  return isNum(x) ? `${(x * 100).toFixed(1)}%` : NONE;
}

function count(x: number | null | undefined): string {
  if (!isNum(x)) return NONE;
  return Number.isInteger(x) ? group(String(x)) : fixed(x, 1);
}

type Kind = 'share' | 'seconds' | 'hours' | 'money' | 'count' | 'agents' | 'score';

/** A value in its kind's format. */
function format(kind: Kind, x: number | null | undefined): string {
  switch (kind) {
    case 'share':
      return pct(x);
    case 'seconds':
      return fixed(x, 1);
    case 'hours':
      return fixed(x, 2);
    case 'money':
      return fixed(x, 2);
    case 'score':
      return fixed(x, 2);
    case 'agents':
      return fixed(x, 1);
    case 'count':
      return count(x);
  }
}

/** A half-width in its kind's units (percentage points for shares), with `±`; empty when undefined. */
function halfWidth(kind: Kind, half: number | null | undefined): string {
  if (!isNum(half)) return '';
  return kind === 'share' ? `±${(half * 100).toFixed(1)} pp` : `±${format(kind, half)}`;
}

function cellWithCi(kind: Kind, value: number | null | undefined, half: number | null | undefined): string {
  const h = halfWidth(kind, half);
  return escapeHtml(format(kind, value)) + (h === '' ? '' : ` <span class="ci">${escapeHtml(h)}</span>`);
}

function minutes(seconds: number): string {
  if (!isNum(seconds)) return NONE;
  if (seconds < 120) return `${+seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${+(seconds / 60).toFixed(1)} min`;
  return `${+(seconds / 3600).toFixed(1)} h`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 days`, `1.5 days`, `6 hours` (under a day). */
function daysText(days: number): string {
  return days < 1 ? plural(+(days * 24).toFixed(2), 'hour') : plural(+days.toFixed(2), 'day');
}

// ---------------------------------------------------------------------------------------------
// Headline metrics

interface Headline {
  label: string;
  kind: Kind;
  get: (m: Metrics) => number | null;
}

const HEADLINES: readonly Headline[] = [
  { label: 'Service level', kind: 'share', get: (m) => m.service_level },
  { label: 'ASA (s)', kind: 'seconds', get: (m) => m.asa_seconds },
  { label: 'Abandon rate', kind: 'share', get: (m) => m.abandon_rate },
  { label: 'Occupancy', kind: 'share', get: (m) => m.occupancy },
  { label: 'FCR', kind: 'share', get: (m) => m.fcr },
  { label: 'TTR mean (h)', kind: 'hours', get: (m) => m.ttr_hours.mean },
  { label: 'TTR p90 (h)', kind: 'hours', get: (m) => m.ttr_hours.p90 },
  { label: 'Effort (1-7)', kind: 'score', get: (m) => m.effort_mean },
  { label: 'High-effort share', kind: 'share', get: (m) => m.high_effort_share },
  { label: 'Cost per contact', kind: 'money', get: (m) => m.cost_per_contact },
  { label: 'Cost total', kind: 'money', get: (m) => m.cost_total },
  { label: 'Arrivals', kind: 'count', get: (m) => m.arrivals },
  { label: 'Agents on line (mean)', kind: 'agents', get: (m) => m.agents },
];

function headlineCards(totals: Metrics, ci: Metrics | null | undefined, scenario: Scenario): string {
  const { target, threshold_seconds } = scenario.service_level;
  const cards = HEADLINES.map((h) => {
    const value = h.get(totals);
    const half = ci === null || ci === undefined ? null : h.get(ci);
    let note = '';
    if (h.label === 'Service level') {
      const verdict = isNum(value) ? (value >= target ? 'met' : 'missed') : '';
      note = `target ${pct(target)} within ${minutes(threshold_seconds)}` + (verdict ? `: <strong class="${verdict}">${verdict}</strong>` : '');
    }
    const hw = halfWidth(h.kind, half);
    return (
      `<div class="card"><div class="label">${escapeHtml(h.label)}</div>` +
      `<div class="value">${escapeHtml(format(h.kind, value))}</div>` +
      (hw === '' ? '' : `<div class="ci">${escapeHtml(hw)} (95%)</div>`) +
      (note === '' ? '' : `<div class="note">${note}</div>`) +
      `</div>`
    );
  });
  return `<div class="cards">${cards.join('')}</div>`;
}

// ---------------------------------------------------------------------------------------------
// Tables

function table(head: readonly string[], rows: readonly string[][], options: { numeric?: boolean[]; className?: string } = {}): string {
  const num = (i: number): string => (options.numeric?.[i] ? ' class="num"' : '');
  return (
    `<table${options.className ? ` class="${options.className}"` : ''}><thead><tr>` +
    head.map((h, i) => `<th${num(i)}>${escapeHtml(h)}</th>`).join('') +
    `</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c, i) => `<td${num(i)}>${c}</td>`).join('')}</tr>`).join('') +
    `</tbody></table>`
  );
}

function intervalTable(result: Result): string {
  const ci = result.ci95?.by_interval;
  const head = ['Interval start', 'Arrivals', 'Offered', 'Answered', 'Abandoned', 'Service level', 'ASA (s)', 'Agents', 'Occupancy', 'Cost'];
  const rows = result.by_interval.map((iv, i) => {
    const c = ci?.[i];
    return [
      escapeHtml(iv.start.replace('T', ' ')),
      cellWithCi('count', iv.arrivals, c?.arrivals),
      escapeHtml(count(iv.offered)),
      escapeHtml(count(iv.answered)),
      escapeHtml(count(iv.abandoned)),
      cellWithCi('share', iv.service_level, c?.service_level),
      cellWithCi('seconds', iv.asa_seconds, c?.asa_seconds),
      escapeHtml(fixed(iv.agents, 1)),
      cellWithCi('share', iv.occupancy, c?.occupancy),
      escapeHtml(fixed(iv.cost_total, 2)),
    ];
  });
  if (rows.length === 0) return '<p>No intervals were reported (the warm-up covers the whole horizon).</p>';
  return table(head, rows, { numeric: head.map((_, i) => i > 0), className: 'intervals' });
}

/** Per event: service and abandonment during it, the queue at its end, the minutes to recover. */
function eventTable(result: Result): string {
  const events = result.events ?? [];
  if (events.length === 0) return '';
  const ci = result.ci95?.events;
  const head = ['Event', 'From', 'To', 'Service level during', 'Abandoned during', 'Waiting at its end', 'Recovery (min)'];
  const rows = events.map((e, i) => [
    escapeHtml(e.name),
    escapeHtml(e.from.replace('T', ' ')),
    escapeHtml(e.to.replace('T', ' ')),
    cellWithCi('share', e.service_level_during, ci?.[i]?.service_level_during),
    cellWithCi('count', e.abandoned_during, ci?.[i]?.abandoned_during),
    cellWithCi('count', e.waiting_at_end_of_event, ci?.[i]?.waiting_at_end_of_event),
    e.recovery_minutes === null ? 'not within the horizon' : cellWithCi('count', e.recovery_minutes, ci?.[i]?.recovery_minutes),
  ]);
  return (
    `<h3>Events</h3><p class="hint">Contacts of the event’s types that arrived during it; recovery runs from its end to the ` +
    `start of the first interval whose service level is back at the target.</p>` +
    table(head, rows, { numeric: head.map((_, i) => i > 2) })
  );
}

/** By week: agents on line, employees, mean proficiency, AHT and FCR (and each hiring class). */
function weeklyTable(result: Result): string {
  const weeks = result.weekly ?? [];
  if (weeks.length === 0) return '';
  const cohortIds = Object.keys(weeks[0]!.cohorts);
  const head = ['Week of', 'Agents on line', 'Employees', 'Mean proficiency', 'AHT (s)', 'FCR', ...cohortIds.map((id) => `${id}: agents / proficiency / AHT (s)`)];
  const rows = weeks.map((w) => [
    escapeHtml(w.week_start),
    escapeHtml(fixed(w.agents, 1)),
    escapeHtml(fixed(w.employees, 1)),
    escapeHtml(pct(w.mean_proficiency)),
    escapeHtml(fixed(w.aht_seconds, 1)),
    escapeHtml(pct(w.fcr)),
    ...cohortIds.map((id) => {
      const c = w.cohorts[id]!;
      return escapeHtml(`${fixed(c.agents, 1)} / ${pct(c.proficiency)} / ${fixed(c.aht_seconds, 1)}`);
    }),
  ]);
  return (
    `<h3>By week</h3><p class="hint">Employees at the week’s end; proficiency is the share of full speed of the agents on line ` +
    `(new hires ramp up); AHT and FCR of the contacts that arrived in the week.</p>` +
    table(head, rows, { numeric: head.map((_, i) => i > 0) })
  );
}

function typeTable(result: Result): string {
  const head = ['Contact type', 'Arrivals', 'Service level', 'ASA (s)', 'Abandon rate', 'FCR', 'TTR mean (h)', 'Effort (1-7)', 'Cost per contact'];
  const rows = Object.entries(result.by_type).map(([id, m]) => {
    const c = result.ci95?.by_type[id];
    return [
      escapeHtml(id),
      cellWithCi('count', m.arrivals, c?.arrivals),
      cellWithCi('share', m.service_level, c?.service_level),
      cellWithCi('seconds', m.asa_seconds, c?.asa_seconds),
      cellWithCi('share', m.abandon_rate, c?.abandon_rate),
      cellWithCi('share', m.fcr, c?.fcr),
      cellWithCi('hours', m.ttr_hours.mean, c?.ttr_hours.mean),
      cellWithCi('score', m.effort_mean, c?.effort_mean),
      cellWithCi('money', m.cost_per_contact, c?.cost_per_contact),
    ];
  });
  return table(head, rows, { numeric: head.map((_, i) => i > 0) });
}

/** How a metric of the catalogue is shown in these tables. */
function kindOfMetric(name: string): Kind {
  if (!isMetricName(name)) return 'score';
  const kind = metricInfo(name).kind;
  return kind === 'duration' ? 'seconds' : kind;
}

/** A run's scorecard (when its scenario has one): the score and each part. */
function runScorecard(result: Result): string {
  const card = result.scorecard;
  if (card === undefined) return '';
  const ci = result.ci95?.scorecard;
  const rows = card.parts.map((p, i) => {
    const kind = kindOfMetric(p.metric);
    return [
      escapeHtml(isMetricName(p.metric) ? metricInfo(p.metric).label : p.metric),
      escapeHtml(format(kind, p.target)),
      escapeHtml(String(+p.weight.toPrecision(4))),
      cellWithCi(kind, p.value, ci?.parts[i]?.value),
      p.attainment === null ? NONE : `${Math.round(p.attainment * 100)}%`,
    ];
  });
  return (
    `<h3>Scorecard: ${escapeHtml(card.score === null ? NONE : card.score.toFixed(1))}` +
    (isNum(ci?.score) ? ` <span class="ci">${escapeHtml(`±${ci!.score!.toFixed(1)}`)}</span>` : '') +
    `</h3>` +
    table(['Metric', 'Target', 'Weight', 'Value', 'Attainment'], rows, { numeric: [false, true, true, true, true] })
  );
}

/** Per agent group; occupancy is flagged against `service_level.max_occupancy` when the scenario has one. */
function groupTable(result: Result, scenario: Scenario): string {
  const groups = result.totals.by_group;
  if (groups === undefined) return '';
  const cap = scenario.service_level.max_occupancy;
  const head = ['Agent group', 'Agents on line', 'Logged-in hours', 'Paid hours', 'Busy hours', 'Occupancy', 'Handled', 'Cost', ...(cap !== undefined ? [`Against cap ${pct(cap)}`] : [])];
  const rows = Object.entries(groups).map(([id, m]) => {
    const c = result.ci95?.totals.by_group?.[id];
    const verdict = cap === undefined ? [] : [m.occupancy === null ? NONE : m.occupancy > cap ? '<strong>over cap</strong>' : 'within cap'];
    return [
      escapeHtml(id),
      cellWithCi('agents', m.agents, c?.agents),
      cellWithCi('agents', m.logged_hours, c?.logged_hours),
      cellWithCi('agents', m.paid_hours, c?.paid_hours),
      cellWithCi('agents', m.busy_hours, c?.busy_hours),
      cellWithCi('share', m.occupancy, c?.occupancy),
      cellWithCi('count', m.handled, c?.handled),
      cellWithCi('money', m.cost, c?.cost),
      ...verdict,
    ];
  });
  return `<h3>By agent group</h3>${table(head, rows, { numeric: head.map((_, i) => i > 0) })}`;
}

function planTable(compare: CompareResult): string {
  const head = ['', ...compare.plans.map((p) => p.name)];
  const rows = HEADLINES.map((h) => [
    escapeHtml(h.label),
    ...compare.plans.map((p) => cellWithCi(h.kind, h.get(p.totals), p.ci95 === null ? null : h.get(p.ci95))),
  ]);
  return table(head, rows, { numeric: head.map((_, i) => i > 0) });
}

const VERDICT_CLASS: Record<string, string> = { better: 'better', worse: 'worse' };

/** The plans ranked by their scorecard (when they have one), with each part's value and attainment. */
function scorecardTable(compare: CompareResult): string {
  const ranking = compare.ranking;
  if (ranking === undefined) return '';
  const parts = compare.plans.find((p) => p.scorecard !== undefined)?.scorecard?.parts ?? [];
  const head = ['Rank', 'Plan', 'Score', 'Cost per contact', 'Meets every target', ...parts.map((p) => `${isMetricName(p.metric) ? metricInfo(p.metric).label : p.metric} (target ${+p.target.toPrecision(4)}, weight ${+p.weight.toPrecision(4)})`)];
  const rows = ranking.map((r) => {
    const plan = compare.plans.find((p) => p.name === r.plan);
    return [
      String(r.rank),
      escapeHtml(r.plan),
      cellWithCi('agents', r.score, r.score_ci95),
      cellWithCi('money', r.cost_per_contact, r.cost_per_contact_ci95),
      r.meets_targets ? 'yes' : 'no',
      ...parts.map((_, i) => {
        const part = plan?.scorecard?.parts[i];
        if (part === undefined) return '';
        const value = isMetricName(part.metric) ? formatMetric(part.metric, part.value) : String(part.value);
        return `${escapeHtml(value)} <span class="ci">(${escapeHtml(part.attainment === null ? NONE : `${Math.round(part.attainment * 100)}%`)})</span>`;
      }),
    ];
  });
  return (
    `<h3>Scorecard</h3>` +
    `<p class="hint">Score 0–100: the weighted mean of each part’s attainment, min(1, value / target) where higher is better and min(1, target / value) where lower is better; plans ranked by score, ties by cost per contact.</p>` +
    table(head, rows, { numeric: head.map((_, i) => i === 0 || (i >= 2 && i !== 4)) })
  );
}

function differenceTable(compare: CompareResult): string {
  const differences = compare.differences;
  if (differences.length === 0) return '';
  const currency = compare.summary?.currency ?? null;
  const head = ['Plan', 'Metric', 'Difference', '95% interval (paired)', 'Verdict'];
  const rows = differences.map((d) => {
    const metric = d.metric as MetricName;
    const base = compare.plans.find((p) => p.name === d.baseline);
    const reference = base === undefined ? null : metricValue(base.totals, metric);
    const fmt = { currency };
    const interval =
      isNum(d.mean) && isNum(d.ci95)
        ? `${formatMetricDifference(metric, d.mean - d.ci95, reference, fmt)} to ${formatMetricDifference(metric, d.mean + d.ci95, reference, fmt)}`
        : NONE;
    const verdict = d.verdict ?? verdictOf(metric, d.mean, d.ci95);
    return [
      escapeHtml(d.plan),
      escapeHtml(metricInfo(metric).label),
      escapeHtml(formatMetricDifference(metric, d.mean, reference, fmt)),
      escapeHtml(interval),
      verdict === null ? '' : `<span class="${VERDICT_CLASS[verdict] ?? 'neutral'}">${escapeHtml(verdict)}</span>`,
    ];
  });
  const baseline = differences[0]!.baseline;
  return (
    `<h3>Differences to the baseline (${escapeHtml(baseline)})</h3>` +
    `<p class="hint">Plan minus baseline on common random numbers, with the paired 95% interval. “better” or “worse” (by the metric’s better direction): the interval excludes zero; “no clear difference”: it includes zero, so the difference may be noise; occupancy has no better direction (“higher”/“lower”).</p>` +
    table(head, rows, { numeric: [false, false, true, true, false] })
  );
}

/** The plan summary: the sentence, and per plan whether it meets every target, headcount, hours and cost per period. */
function planSummary(compare: CompareResult, sentence: string): string {
  const s = compare.summary;
  if (s === undefined) return '';
  const head = ['', ...compare.plans.map((p) => p.name)];
  const per = s.period;
  const rows = [
    ['Meets every target', ...compare.plans.map((p) => (p.meets_targets === true ? (p.name === s.best ? '<strong class="met">yes, least cost</strong>' : 'yes') : '<span class="missed">no</span>'))],
    ['Agents (mean logged in)', ...compare.plans.map((p) => escapeHtml(formatNumber(p.totals.agents, 1)))],
    ['FTE (paid hours per week ÷ 40)', ...compare.plans.map((p) => escapeHtml(formatNumber(p.fte, 1)))],
    [`Paid hours per ${per}`, ...compare.plans.map((p) => escapeHtml(formatNumber(p.paid_hours, 0)))],
    [`Cost per ${per}`, ...compare.plans.map((p) => escapeHtml(formatMoney(p.cost_per_period, s.currency, 0)))],
  ];
  return `<p class="summary">${escapeHtml(sentence)}</p>` + table(head, rows, { numeric: head.map((_, i) => i > 0) });
}

/** What each plan changes against the baseline (the baseline's assumptions are shown in full). */
function planChanges(compare: CompareResult): string {
  const items = compare.plans.slice(1).filter((p) => p.changes !== undefined).map((p) => {
    const changes = p.changes ?? [];
    return (
      `<li><strong>${escapeHtml(p.name)}</strong>: ` +
      (changes.length === 0 ? 'no change recorded' : `<ul>${changes.map((c) => `<li><code>${escapeHtml(c)}</code></li>`).join('')}</ul>`) +
      `</li>`
    );
  });
  return items.length === 0 ? '' : `<h3>What each plan changes against ${escapeHtml(compare.plans[0]!.name)}</h3><ul class="changes">${items.join('')}</ul>`;
}

function sweepTable(sweep: SweepResult, target: number): string {
  const labels = pointLabels(sweep.rows.map((r) => r.point));
  const placed = sweep.rows.map((r) => ({ cost: r.totals.cost_per_contact, value: r.totals.service_level }));
  const usable = placed.map((p) => isNum(p.cost) && isNum(p.value));
  const front = paretoFront(placed.filter((_, i) => usable[i]).map((p) => ({ cost: p.cost!, value: p.value! })));
  let f = 0;
  const onFront = usable.map((u) => (u ? front[f++] === true : false));
  const cols: Array<{ label: string; kind: Kind; get: (m: Metrics) => number | null }> = [
    { label: 'Service level', kind: 'share', get: (m) => m.service_level },
    { label: 'ASA (s)', kind: 'seconds', get: (m) => m.asa_seconds },
    { label: 'Abandon', kind: 'share', get: (m) => m.abandon_rate },
    { label: 'Occupancy', kind: 'share', get: (m) => m.occupancy },
    { label: 'FCR', kind: 'share', get: (m) => m.fcr },
    { label: 'TTR mean (h)', kind: 'hours', get: (m) => m.ttr_hours.mean },
    { label: 'Effort (1-7)', kind: 'score', get: (m) => m.effort_mean },
    { label: 'Cost per contact', kind: 'money', get: (m) => m.cost_per_contact },
  ];
  const head = ['Grid point', ...cols.map((c) => c.label), 'Pareto (SL)'];
  const rows = sweep.rows.map((r: SweepRow, i) => [
    escapeHtml(labels[i] ?? ''),
    ...cols.map((c) => cellWithCi(c.kind, c.get(r.totals), r.ci95 === null ? null : c.get(r.ci95))),
    onFront[i] ? '●' : '',
  ]);
  // The cheapest point that meets the service-level target.
  let best = -1;
  sweep.rows.forEach((r, i) => {
    const sl = r.totals.service_level;
    const cost = r.totals.cost_per_contact;
    if (!isNum(sl) || !isNum(cost) || sl < target) return;
    const current = best < 0 ? null : sweep.rows[best]!.totals.cost_per_contact;
    if (current === null || (isNum(current) && cost < current)) best = i;
  });
  const bestText =
    best < 0
      ? `<p>No grid point meets the service-level target of ${pct(target)}.</p>`
      : `<p>Cheapest grid point meeting the service-level target of ${pct(target)}: <strong>${escapeHtml(labels[best] ?? '')}</strong> ` +
        `(service level ${pct(sweep.rows[best]!.totals.service_level)}, cost per contact ${fixed(sweep.rows[best]!.totals.cost_per_contact, 2)}).</p>`;
  return bestText + table(head, rows, { numeric: head.map((_, i) => i > 0 && i < head.length - 1) });
}

// ---------------------------------------------------------------------------------------------
// Assumptions

function describeDistribution(d: Distribution): string {
  switch (d.distribution) {
    case 'exponential':
      return `exponential, mean ${minutes(d.mean_seconds)}`;
    case 'lognormal':
    case 'gamma':
      return `${d.distribution}, mean ${minutes(d.mean_seconds)}, cv ${+d.cv.toFixed(2)}`;
    case 'deterministic':
      return `fixed ${minutes(d.mean_seconds)}`;
    case 'empirical': {
      const n = d.values_seconds.length;
      const mean = n > 0 ? d.values_seconds.reduce((s, v) => s + v, 0) / n : NaN;
      return `empirical, ${plural(n, 'value')}` + (n > 0 ? `, mean ${minutes(mean)}` : '');
    }
    case 'mixture':
      return `mixture of ${d.parts.map((p) => `${+(p.weight * 100).toFixed(0)}% ${describeDistribution(p.dist)}`).join(' + ')}`;
  }
}

function describeVolume(c: Scenario['contact_types'][number]): string {
  const a = c.arrivals;
  let base: string;
  if (a.per_day !== undefined) {
    base = `${group(String(+a.per_day.toFixed(1)))} per day` + (a.by_hour !== undefined ? ', by hour-of-day profile' : ', flat over the day');
  } else if (Array.isArray(a.per_hour)) {
    // Rates per hour: a per-interval curve's values each cover 24 / length hours.
    const total = (a.per_hour.reduce((s, v) => s + v, 0) * 24) / a.per_hour.length;
    const peak = Math.max(...a.per_hour);
    base = `${group(String(+total.toFixed(1)))} per day by hour profile (peak ${+peak.toFixed(1)}/h)`;
  } else if (a.per_hour !== undefined) {
    base = `${+a.per_hour.toFixed(2)} per hour, flat`;
  } else {
    base = NONE;
  }
  const weekly = a.by_weekday.some((w) => w !== a.by_weekday[0]) ? `; weekday factors ${a.by_weekday.map((w) => +w.toFixed(2)).join(' / ')}` : '';
  const dated = Object.keys(a.by_date).length > 0 ? `; ${plural(Object.keys(a.by_date).length, 'dated multiplier')}` : '';
  const cv = a.overdispersion_cv > 0 ? `; day-to-day cv ${+a.overdispersion_cv.toFixed(2)}` : '';
  const templates = a.intraday_by_weekday ? Object.keys(a.intraday_by_weekday) : [];
  const own = templates.length > 0 ? `; own intraday shape on ${templates.join(', ')}` : '';
  const scale = a.scale !== undefined && a.scale !== 1 ? `; volume x ${+a.scale.toFixed(3)}` : '';
  return base + weekly + dated + cv + own + scale;
}

function describeStaffing(s: Staffing): string {
  switch (s.kind) {
    case 'constant':
      return `${s.agents} agents all day`;
    case 'hourly':
    case 'by_interval': {
      const lo = Math.min(...s.agents);
      const hi = Math.max(...s.agents);
      return `${s.kind === 'hourly' ? 'by hour of day' : 'per interval'}: ${lo === hi ? lo : `${lo}–${hi}`} agents`;
    }
    case 'shifts': {
      const weekly = s.shifts.reduce((n, sh) => n + sh.agents * sh.days.length, 0);
      const breaks = s.shifts.some((sh) => (sh.breaks ?? []).length > 0) ? ', with breaks' : '';
      const summary = `${plural(weekly, 'agent-shift')} a week${breaks}`;
      if (s.shifts.length <= 4) {
        const parts = s.shifts.map((sh) => `${sh.agents} × ${sh.start} for ${+sh.hours.toFixed(2)} h (${sh.days.join(' ')})`);
        return `${summary}: ${parts.join('; ')}`;
      }
      const starts = s.shifts.map((sh) => sh.start).sort();
      const hours = s.shifts.map((sh) => sh.hours);
      const lo = Math.min(...hours);
      const hi = Math.max(...hours);
      return (
        `${summary} in ${s.shifts.length} shifts starting ${starts[0]}–${starts[starts.length - 1]}, ` +
        `${lo === hi ? +lo.toFixed(2) : `${+lo.toFixed(2)}–${+hi.toFixed(2)}`} h long`
      );
    }
  }
}

function assumptions(scenario: Scenario): string {
  const h = scenario.horizon;
  const sl = scenario.service_level;
  const caps = [
    sl.max_abandon_rate !== undefined ? `abandon rate ≤ ${pct(sl.max_abandon_rate)}` : '',
    sl.max_asa_seconds !== undefined ? `ASA ≤ ${minutes(sl.max_asa_seconds)}` : '',
    sl.max_occupancy !== undefined ? `occupancy ≤ ${pct(sl.max_occupancy)}` : '',
  ].filter((c) => c !== '');
  const general = table(
    ['', ''],
    [
      ['Horizon', escapeHtml(`${daysText(h.days)} from ${h.start}, ${h.interval_minutes}-minute intervals, ${h.warmup_hours} h warm-up`)],
      ['Service-level target', escapeHtml(`${pct(sl.target)} answered within ${minutes(sl.threshold_seconds)}` + (caps.length ? `; ${caps.join(', ')}` : ''))],
      ['Routing', escapeHtml(`${scenario.routing.policy.replace(/_/g, ' ')}; a transfer takes ${minutes(scenario.routing.transfer_seconds)}`)],
      [
        'Costs',
        escapeHtml(
          `agent overhead ${fixed(scenario.costs.overhead_per_agent_hour, 2)}/h; voice ${fixed(scenario.costs.per_minute_voice, 3)}/min; ` +
            `${fixed(scenario.costs.per_contact, 2)} per contact`,
        ),
      ],
      ['Seed', escapeHtml(String(scenario.seed))],
    ],
    { className: 'kv' },
  );
  const volumes = table(
    ['Contact type', 'Channel', 'Volume', 'Handle time', 'Patience', 'FCR', 'SL threshold', 'Retry'],
    scenario.contact_types.map((c) => [
      escapeHtml(c.id),
      escapeHtml(c.channel),
      escapeHtml(describeVolume(c)),
      escapeHtml(describeDistribution(c.handle_time)),
      escapeHtml(c.patience === null ? 'waits for ever' : describeDistribution(c.patience)),
      escapeHtml(pct(c.fcr)),
      escapeHtml(minutes(c.service_level_seconds)),
      escapeHtml(c.retry === null ? 'none' : `${pct(c.retry.probability)} after ${describeDistribution(c.retry.after)}`),
    ]),
  );
  const withSelf = scenario.contact_types.filter((c) => c.self_service !== null);
  const selfService =
    withSelf.length === 0
      ? '<p>No self-service: every arrival goes to the agent queue.</p>'
      : table(
          ['Contact type', 'Tries self-service', 'Contained', 'Session', 'Cost per session', 'Handle time after a failed try'],
          withSelf.map((c) => {
            const s = c.self_service!;
            return [
              escapeHtml(c.id),
              escapeHtml(pct(s.share_offered)),
              escapeHtml(pct(s.containment)),
              escapeHtml(describeDistribution(s.duration)),
              escapeHtml(fixed(s.cost_per_session, 2)),
              escapeHtml(`× ${+s.failed_handle_time_factor.toFixed(2)}`),
            ];
          }),
        );
  const staffing = table(
    ['Agent group', 'Skills (proficiency)', 'Staffing', 'Shrinkage', 'Concurrency', 'Hourly cost'],
    scenario.agent_groups.map((g) => [
      escapeHtml(g.id),
      escapeHtml(
        Object.entries(g.skills)
          .map(([t, p]) => `${t} ${+p.toFixed(2)}`)
          .join(', '),
      ),
      escapeHtml(describeStaffing(g.staffing)),
      escapeHtml(pct(g.shrinkage)),
      escapeHtml(String(g.concurrency)),
      escapeHtml(fixed(g.hourly_cost, 2)),
    ]),
  );
  const switches = repeatChannels(scenario);
  const effort =
    '<p>Each case scores 1 (effortless) plus these points, at most 7. The points are assumptions' +
    ' (ccsim’s defaults unless marked “set”); the drivers are those customer-effort research names.' +
    (switches.length > 0 ? ` Repeats and retries change channel: ${escapeHtml(switches.join(', '))}.` : '') +
    '</p>' +
    table(
      ['Effort driver', 'Points', ''],
      effortRows(scenario).map((r) => [escapeHtml(r.driver), escapeHtml(r.points), r.changed ? 'set' : 'default']),
    );
  return (
    general +
    `<h4>Volumes</h4>${volumes}` +
    `<h4>Staffing</h4>${staffing}` +
    `<h4>Self-service</h4>${selfService}` +
    `<h4>Customer effort</h4>${effort}`
  );
}

// ---------------------------------------------------------------------------------------------
// Charts

/** Gives every `id` in a chart's SVG a prefix, so several inline SVGs never share one. */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** The SVG without its XML declaration (if any), sized by CSS, labelled for screen readers. */
function inlineSvg(chart: ReportChart): string {
  const body = prefixSvgIds(chart.svg.replace(/^<\?xml[^>]*>\s*/, ''), `chart-${chart.name}`);
  return body.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(chart.title)}"`);
}

function chartSection(charts: readonly ReportChart[] | null): string {
  if (charts === null) return '';
  if (charts.length === 0) return '<section><h2>Charts</h2><p>No charts for this run.</p></section>';
  const figures = charts.map(
    (c) => `<figure id="fig-${escapeHtml(c.name)}">${inlineSvg(c)}<figcaption>${escapeHtml(c.caption)}</figcaption></figure>`,
  );
  return `<section class="charts"><h2>Charts</h2>${figures.join('')}</section>`;
}

// ---------------------------------------------------------------------------------------------
// The page

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2329; font: 14px/1.45 "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e3e6ea; }
h3 { font-size: 15px; margin: 18px 0 6px; }
h4 { font-size: 13px; margin: 14px 0 4px; color: #444; }
.meta, .hint { color: #5c6670; margin: 0 0 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(165px, 1fr)); gap: 10px; }
.card { border: 1px solid #e3e6ea; border-radius: 6px; padding: 8px 10px; break-inside: avoid; }
.card .label { font-size: 12px; color: #5c6670; }
.card .value { font-size: 22px; font-weight: bold; }
.card .ci, span.ci { color: #5c6670; font-size: 12px; white-space: nowrap; }
.card .note { font-size: 11.5px; color: #444; }
strong.met { color: #2b8a3e; } strong.missed { color: #c92a2a; }
figure { margin: 14px 0 22px; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12.5px; color: #444; margin-top: 4px; max-width: 760px; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 12.5px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e3e6ea; text-align: left; vertical-align: top; }
th { background: #f1f3f5; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.kv td:first-child { font-weight: bold; white-space: nowrap; }
table.kv thead { display: none; }
table.intervals { font-size: 11.5px; }
.sig { color: #c92a2a; font-weight: bold; white-space: nowrap; }
.better { color: #2b8a3e; font-weight: bold; white-space: nowrap; }
.worse { color: #c92a2a; font-weight: bold; white-space: nowrap; }
.neutral { color: #555555; white-space: nowrap; }
.summary { font-size: 1.05em; }
.warn { color: #8a5a00; }
.plan-assumptions { margin-top: 10px; }
footer { margin-top: 30px; color: #868e96; font-size: 11.5px; }
@media print {
  @page { size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }
  html, body { background: #fff; }
  body { font-size: 9.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  .cards { grid-template-columns: repeat(4, 1fr); gap: 6px; }
  .card .value { font-size: 15pt; }
  figure svg { max-height: 240mm; width: auto; }
  table { font-size: 8pt; max-width: 100%; }
  table.intervals { font-size: 7.5pt; }
  th, td { padding: 2px 5px; }
  td.num, th.num { white-space: normal; }
  td span.ci { display: block; }
  table.intervals td span.ci { display: inline; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  section.intervals { break-before: page; page-break-before: always; }
}
`;

/** Everything the page says about the run, by kind. */
/** The overload warning (see overload.ts) as a note above the figures, or nothing. */
function overloadNote(totals: Metrics): string {
  const w = overloadWarning(totals);
  return w === null ? '' : `<div class="note warning" role="alert"><strong>Warning:</strong> ${escapeHtml(w)}</div>`;
}

function body(input: ReportInput, charts: readonly ReportChart[] | null): { title: string; html: string } {
  switch (input.kind) {
    case 'simulate': {
      const { scenario, result } = input;
      // `ccsim staff`: its Staffing section first, with its chart; the other charts as for any run.
      const staffing =
        input.staffing === undefined
          ? ''
          : staffingSection(input.staffing, (charts ?? []).filter(isStaffingChart).map((c) => `<figure id="fig-${escapeHtml(c.name)}">${inlineSvg(c)}<figcaption>${escapeHtml(c.caption)}</figcaption></figure>`).join(''));
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
          `<h3>By contact type</h3>${typeTable(result)}${groupTable(result, scenario)}${runScorecard(result)}${eventTable(result)}${weeklyTable(result)}</section>` +
          chartSection(charts) +
          `<section><h2>Key assumptions</h2>${assumptions(scenario)}</section>` +
          `<section class="intervals"><h2>Intervals</h2><p class="hint">Per interval, contacts counted in the interval they arrived in` +
          (reps > 1 ? '; ± is the 95% interval half-width' : '') +
          (reps > 1 ? '' : ' (one sample each: no intervals)') + `.</p>${intervalTable(result)}</section>`,
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
          : summarySentence(compare, { reportedHours: reportedHours(first.scenario), targets: targetsOf(first.scenario).map(targetText) });
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
          `${sweepTable(sweep, scenario.service_level.target)}</section>` +
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
