/**
 * The one-sentence plan summaries: which plans (compare) or grid points (sweep) meet every
 * target and which of those costs least, with cost per period in the scenario's currency. Read
 * by the terminal tables, report.html and the workbook. No Node-only import: the studio's page
 * can build a report too.
 */
import type { CompareResult } from '../experiment/types.ts';
import type { SweepDocument } from '../experiment/sweep.ts';
import type { Scenario } from '../scenario/types.ts';
import { targetsOf, type Target } from '../experiment/plan-summary.ts';
import { formatMoney, formatNumber } from '../metrics/format.ts';
import { formatValue, metricLabel } from './experiment-format.ts';
import { pointLabels } from './charts/frontier.ts';

export interface SentenceOptions {
  /** Target descriptions (`service level ≥ 80%`), for the summary sentence. */
  targets?: readonly string[] | undefined;
  /** Reported hours of the horizon (after the warm-up), to state what the period is scaled from. */
  reportedHours?: number | undefined;
}

/** ` Costs and hours per week are scaled from the 7 reported days.`, or '' when the hours are not known. */
function scaledFrom(hours: number | undefined, per: string): string {
  if (hours === undefined) return '';
  const over = hours % 24 === 0 ? `${hours / 24} reported day${hours === 24 ? '' : 's'}` : `${formatNumber(hours, 1)} reported hours`;
  return ` Costs and hours ${per} are scaled from the ${over}.`;
}

/** Plan names longer than this get a letter (A, B, ...) in the table and a legend above it. */
const LONG_NAME = 22;

/** The label each plan has in the table: its name, or a letter when any name is long. */
export function planLabels(names: readonly string[]): { labels: string[]; legend: boolean } {
  const legend = names.some((n) => n.length > LONG_NAME);
  return { labels: legend ? names.map((_, i) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '')) : [...names], legend };
}

/** The one-sentence plan summary: who meets every target and what the cheapest of them costs. */
export function summarySentence(result: CompareResult, options: SentenceOptions = {}): string {
  const summary = result.summary;
  if (summary === undefined) return '';
  // With long plan names, the sentence names plans by their table letters.
  const names = result.plans.map((p) => p.name);
  const { labels } = planLabels(names);
  const short = (n: string | null): string | null => (n === null ? null : (labels[names.indexOf(n)] ?? n));
  const s = { ...summary, best: short(summary.best), baseline: short(summary.baseline)!, meeting_targets: summary.meeting_targets.map((n) => short(n)!) };
  const opt = { currency: s.currency };
  const n = result.plans.length;
  const meeting = s.meeting_targets;
  const targets = options.targets !== undefined && options.targets.length > 0 ? ` (${options.targets.join(', ')})` : '';
  if (s.best === null) return `No plan meets every target${targets}.`;
  const who = meeting.length === n ? (n === 2 ? 'Both plans meet' : `All ${n} plans meet`) : meeting.length === 1 ? `Only ${meeting[0]} meets` : `${meeting.length} of ${n} plans meet`;
  let sentence = `${who} every target${targets}`;
  const d = s.cost_difference;
  const best = result.plans.find((p) => p.name === summary.best);
  const per = `per ${s.period}`;
  const cost = best?.cost_per_period === undefined ? '' : `${formatMoney(best.cost_per_period, opt.currency, 0)} ${per}`;
  if (meeting.length > 1 || s.best !== s.baseline) sentence += `; ${s.best} costs least${cost === '' ? '' : ` (${cost})`}`;
  else sentence += `: ${s.best}${cost === '' ? '' : ` at ${cost}`}`;
  if (d !== null && s.best !== s.baseline) {
    const amount = formatMoney(Math.abs(d.mean), opt.currency, 0);
    const pm = d.ci95 === null ? '' : ` ±${formatMoney(d.ci95, opt.currency, 0)}`;
    sentence += `, ${amount}${pm} ${per} ${d.mean <= 0 ? 'less' : 'more'} than ${s.baseline}`;
  }
  sentence += '.';
  return sentence + scaledFrom(options.reportedHours, per);
}

/** A target as it reads: `service level ≥ 80.0%`, `ASA ≤ 30.0 s`. */
export function targetText(t: Target): string {
  return `${metricLabel(t.metric).replace(/^Service level$/, 'service level')} ${t.bound === 'min' ? '≥' : '≤'} ${formatValue(t.metric, t.value)}`;
}

/** Every target a plan is held to, as it reads: the service level, the caps, the scorecard. */
export function targetTexts(scenario: Scenario): string[] {
  const out = targetsOf(scenario).map(targetText);
  if (scenario.scorecard !== undefined && scenario.scorecard.length > 0) out.push('every scorecard target');
  return out;
}


/** How a grid point reads in a sentence: `#3 (staffing_scale=1.1)`. */
function pointText(doc: SweepDocument, index: number): string {
  const row = doc.rows.find((r) => r.index === index);
  if (row === undefined) return `#${index}`;
  const label = pointLabels([row.point])[0] ?? '';
  return label === '' ? `#${index}` : `#${index} (${label})`;
}

/**
 * The one-sentence summary of a sweep: how many grid points meet every target, which of them
 * costs least per period, with its cost, FTE and paid hours. Empty for a shard (its rows are a
 * slice of the grid; `ccsim merge` gives the summary).
 */
export function sweepSentence(doc: SweepDocument, options: SentenceOptions = {}): string {
  const s = doc.summary;
  if (s === undefined) return '';
  const n = doc.rows.length;
  const targets = options.targets !== undefined && options.targets.length > 0 ? ` (${options.targets.join(', ')})` : '';
  if (s.best === null) return `No grid point meets every target${targets}.`;
  const k = s.meeting_targets.length;
  const who = k === n ? (n === 1 ? 'The grid point meets' : `All ${n} grid points meet`) : k === 1 ? 'Only one grid point meets' : `${k} of ${n} grid points meet`;
  const best = doc.rows.find((r) => r.index === s.best)!;
  const per = `per ${s.period}`;
  let sentence = `${who} every target${targets}; ${k === 1 ? 'it is' : 'the cheapest is'} ${pointText(doc, s.best)}: ${formatMoney(best.cost_per_period, s.currency, 0)} ${per}, ${formatNumber(best.fte, 1)} FTE, ${formatNumber(best.paid_hours, 0)} paid hours ${per}.`;
  return sentence + scaledFrom(options.reportedHours, per);
}
