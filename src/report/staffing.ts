/**
 * What `ccsim staff` prints and writes: the table on stdout, `staffing.json` (the same as
 * `--json`), `staffing.csv` (one row per interval) and `staffed.yaml` (the scenario with the
 * staffing found, as `by_interval`); with groups in shifts also `staffed-shifts.yaml`.
 */

import { csvNumber, toCsv } from './csv.ts';
import { renderTable } from './table.ts';
import type { Scenario } from '../scenario/types.ts';
import type { StaffingResult } from '../staffing/index.ts';
import type { ServiceLevelVerdict, Verification } from '../staffing/verify.ts';
import { scenarioToYaml } from '../staffing/scenario-file.ts';

const NONE = '–';

/** `staffing.json` and `--json`: `{intervals, headcount, cost_total, ...}`, two-space indent, final newline. */
export function staffingJson(result: StaffingResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** `staffing.csv`: per interval the expected load, per group analytic / simulated / scheduled agents, and what the plan achieves. */
export function staffingCsv(result: StaffingResult): string {
  const groups = Object.keys(result.headcount);
  const header = [
    'start',
    'offered_expected',
    'checked',
    ...groups.flatMap((g) => [`${g}_analytic`, `${g}_simulated`, `${g}_scheduled`]),
    'service_level',
    'service_level_ci95',
    'abandon_rate',
    'asa_seconds',
    'occupancy',
    'meets',
  ];
  const rows = result.intervals.map((iv) => [
    iv.start,
    csvNumber(iv.offered_expected),
    iv.checked ? 'true' : 'false',
    ...groups.flatMap((g) => [String(iv.required[g]!.analytic), String(iv.required[g]!.simulated), String(iv.scheduled[g]!)]),
    csvNumber(iv.service_level),
    csvNumber(iv.service_level_ci95),
    csvNumber(iv.abandon_rate),
    csvNumber(iv.asa_seconds),
    csvNumber(iv.occupancy),
    iv.meets === null ? '' : iv.meets ? 'true' : 'false',
  ]);
  return toCsv([header, ...rows]);
}

/** `staffed.yaml`: the scenario with the staffing found, and a comment saying where it came from. */
export function staffedYaml(staffed: Scenario, result: StaffingResult, from: string | undefined): string {
  const lines = [
    `Staffed by \`ccsim staff\`${from !== undefined ? ` from ${from}` : ''}: agents per interval found by`,
    `Erlang C/A and refined by simulation (seed ${result.seed}, ${result.replications} replications per plan),`,
    `for ${pct(result.target.service_level)} answered within ${result.target.threshold_seconds} s${caps(result) ? ` and ${caps(result)}` : ''}.`,
    `Simulate it with: ccsim simulate staffed.yaml --replications ${result.replications}`,
  ];
  return scenarioToYaml(staffed, lines.join('\n'));
}

/**
 * `staffed-shifts.yaml`: the scenario with each group in shifts staffed by the cover of its
 * requirement with its templates (one shift per template and weekday), other groups as in
 * `staffed.yaml`.
 */
export function staffedShiftsYaml(staffed: Scenario, result: StaffingResult, from: string | undefined): string {
  const gaps = Object.entries(result.shifts).map(([g, x]) => `${g} ${num(x.paid_hours, 1)} paid hours, gap ${pct(x.gap)}`);
  const how = Object.values(result.shifts).some((x) => x.method === 'greedy') ? 'greedy cover' : 'integer program';
  const lines = [
    `Staffed by \`ccsim staff\`${from !== undefined ? ` from ${from}` : ''}: groups with shift templates cover the simulated requirement`,
    `with them (${how}; gap to the LP lower bound: ${gaps.join('; ')});`,
    'one shift per template and week of working days, with its breaks. Other groups as in staffed.yaml.',
    `Simulate it with: ccsim simulate staffed-shifts.yaml --replications ${result.replications}`,
  ];
  return scenarioToYaml(staffed, lines.join('\n'));
}

function pct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NONE : `${(x * 100).toFixed(1)}%`;
}

function caps(result: StaffingResult): string {
  const t = result.target;
  const out: string[] = [];
  if (t.max_abandon_rate !== null) out.push(`abandon rate <= ${pct(t.max_abandon_rate)}`);
  if (t.max_asa_seconds !== null) out.push(`ASA <= ${t.max_asa_seconds} s`);
  if (t.max_occupancy !== null) out.push(`occupancy <= ${pct(t.max_occupancy)}`);
  return out.join(', ');
}

function num(x: number | null | undefined, decimals: number): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NONE : x.toFixed(decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The table `ccsim staff` prints. */
export function formatStaffing(result: StaffingResult): string {
  const groups = Object.keys(result.headcount);
  const out: string[] = [];
  out.push(`Staffing: ${result.scenario}`);
  out.push(
    `target ${pct(result.target.service_level)} answered within ${result.target.threshold_seconds} s` +
      (caps(result) ? `; ${caps(result)}` : '') +
      ` — seed ${result.seed}, ${result.replications} replications per plan (common random numbers)`,
  );
  const s = result.search;
  out.push(
    `search: ${s.iterations} iterations, ${s.simulations} simulations, ${s.replications_run} replications, ${num(s.seconds, 1)} s` +
      (s.converged ? ', converged' : s.settled ? `, stopped after ${s.removal_rounds} removal rounds` : ', stopped at the iteration limit'),
  );
  out.push('');
  out.push('Agents logged in per interval: Erlang (analytic) -> simulated; SL is the plan\'s, mean ± 95% half-width');
  const header = ['interval', 'offered', ...groups.flatMap((g) => [g, 'sched']), 'SL', '±', 'abandon', 'ASA (s)', 'occ', ''];
  const rows: string[][] = [header];
  for (const iv of result.intervals) {
    rows.push([
      iv.start.replace('T', ' '),
      num(iv.offered_expected, 1),
      ...groups.flatMap((g) => {
        const r = iv.required[g]!;
        return [r.analytic === r.simulated ? `${r.simulated}` : `${r.analytic} -> ${r.simulated}`, String(iv.scheduled[g]!)];
      }),
      pct(iv.service_level),
      iv.service_level_ci95 === null ? '' : (100 * iv.service_level_ci95).toFixed(1),
      pct(iv.abandon_rate),
      num(iv.asa_seconds, 1),
      pct(iv.occupancy),
      iv.meets === false ? 'MISSED' : iv.checked ? '' : 'not checked',
    ]);
  }
  out.push(...renderTable(rows, ['l', 'r', ...groups.flatMap((): Array<'l' | 'r'> => ['r', 'r']), 'r', 'r', 'r', 'r', 'r', 'l']));
  out.push('');
  out.push('Per group (hours after the warm-up; scheduled and paid include shrinkage)');
  const gRows: string[][] = [['group', 'sized by', 'peak analytic', 'peak simulated', 'headcount', 'shrinkage', 'agent h (analytic)', 'agent h', 'paid h', 'agent cost', 'current cost', 'change']];
  for (const g of groups) {
    const x = result.groups[g]!;
    gRows.push([
      g,
      x.method.replace(/_/g, ' '),
      String(x.peak_analytic),
      String(x.peak_required),
      String(result.headcount[g]!),
      pct(x.shrinkage),
      num(x.analytic_agent_hours, 1),
      num(x.agent_hours, 1),
      num(x.paid_hours, 1),
      num(x.cost_agents, 2),
      num(x.current_cost_agents, 2),
      x.current_cost_agents > 0 ? `${x.cost_agents >= x.current_cost_agents ? '+' : ''}${(100 * (x.cost_agents / x.current_cost_agents - 1)).toFixed(1)}%` : NONE,
    ]);
  }
  out.push(...renderTable(gRows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  out.push('');
  const shiftGroups = Object.entries(result.shifts);
  if (shiftGroups.length > 0) {
    out.push('');
    out.push('Shifts: the simulated requirement covered with each group\'s templates (hours over the whole horizon; logged-in hours without breaks; gap of paid hours to the LP lower bound)');
    const sRows: string[][] = [['group', 'shift', 'days', 'agents', 'agent h', 'paid h']];
    for (const [g, x] of shiftGroups) {
      for (const v of x.shifts) if (v.agents > 0) sRows.push([g, `${v.start} ${v.hours} h`, v.week, String(v.agents), num(v.agent_hours, 1), num(v.paid_hours, 1)]);
    }
    out.push(...renderTable(sRows, ['l', 'l', 'l', 'r', 'r', 'r']));
    const tRows: string[][] = [['group', 'required h', 'shifts h', 'paid h', 'lower bound paid h', 'gap', 'agent cost', 'current plan h', 'current short', 'uncoverable']];
    for (const [g, x] of shiftGroups) {
      tRows.push([
        g,
        num(x.required_agent_hours, 1),
        num(x.agent_hours, 1),
        num(x.paid_hours, 1),
        num(x.lower_bound_paid_hours, 1),
        pct(x.gap),
        num(x.cost_agents, 2),
        num(x.current_agent_hours, 1),
        `${x.current_short_intervals} intervals`,
        x.uncoverable.length === 0 ? 'none' : `${x.uncoverable.length} intervals, ${num(x.uncoverable_agent_hours, 1)} agent h`,
      ]);
    }
    out.push(...renderTable(tRows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
    for (const [g, x] of shiftGroups) {
      if (x.uncoverable.length > 0) out.push(`${g}: no template covers ${x.uncoverable.slice(0, 8).join(', ')}${x.uncoverable.length > 8 ? ', ...' : ''}`);
    }
  }
  out.push('');
  out.push(`Cost total of the plan (simulated, all costs): ${num(result.cost_total, 2)}`);
  if (result.pooling !== null) out.push(`Pooling: ${result.pooling.message}.`);
  const checked = result.intervals.filter((iv) => iv.checked).length;
  const missed = s.missed_intervals;
  out.push(
    missed.length === 0
      ? `Every checked interval (${checked}; an interval is checked when a contact type expects at least ${s.min_offered} offered contacts) meets the target on the mean.`
      : `${missed.length} of ${checked} checked intervals miss the target on the mean: ${missed.slice(0, 8).join(', ')}${missed.length > 8 ? ', ...' : ''}`,
  );
  return out.join('\n') + '\n';
}

/** A verification's per-type verdict as `85.1% ±0.8`, with `MISS` when the lower end is below target. */
function verdictText(v: ServiceLevelVerdict | undefined): string {
  if (v === undefined || v.service_level === null) return NONE;
  const ci = v.ci95 === null ? '' : ` ±${(100 * v.ci95).toFixed(1)}`;
  return `${(100 * v.service_level).toFixed(1)}%${ci}${v.meets === false ? ' MISS' : ''}`;
}

/** The exact verdict decides: every loaded interval at its exact Erlang answer, meeting the target, and the simulation agreeing. */
function exactDecides(v: Verification): boolean {
  return !v.holds && v.exact !== undefined && v.exact.meets && v.exact.consistent;
}

/**
 * What holds for a plan that is the exact Erlang answer in every loaded interval (verify.ts
 * ExactVerdict): the exact values are the verdict; the simulated check is reported beside them,
 * with why it cannot pass for a plan this close to the target.
 */
function exactLines(v: Verification): string[] {
  const x = v.exact;
  if (x === undefined) return [];
  const total = `${pct(x.simulated)} ±${x.simulated_ci95 === null ? NONE : (100 * x.simulated_ci95).toFixed(1)}`;
  if (exactDecides(v)) {
    return [
      `  The plan HOLDS exactly: every loaded interval is staffed at its exact Erlang answer, exact service level ${pct(x.pooled)} ` +
        `(lowest ${pct(x.lowest)}), at or above ${pct(v.target)} in every interval; one agent fewer would miss.`,
      `  The simulated check does not pass and cannot for this plan: at an exact ${pct(x.lowest)}, the mean of ${v.replications} replications ` +
        `of one interval falls below ${pct(v.target)} by chance in ${num(x.expected_below, 1)} of ${v.loaded_intervals} intervals ` +
        `(${x.below} here), and a day's 95% interval reaches below it. The simulation's total, ${total}, agrees with the exact value; ` +
        `passing that check would take agents the target does not need.`,
    ];
  }
  return [
    `  Every loaded interval is staffed at its exact Erlang answer: exact service level ${pct(x.pooled)} (lowest ${pct(x.lowest)}), ` +
      (x.meets ? `at or above ${pct(v.target)} in every interval.` : `below ${pct(v.target)} somewhere: the plan misses.`),
    `  The simulation ${x.consistent ? 'agrees' : 'does NOT agree'} (${total} in total); ` +
      `${x.below} of ${v.loaded_intervals} intervals below target on their mean, ${num(x.expected_below, 1)} expected by chance with ${v.replications} replications.`,
  ];
}

/** One verified plan: service level per type in total and per day, and the interval count. */
function verificationLines(title: string, v: Verification): string[] {
  const types = Object.keys(v.by_type);
  const rows: string[][] = [['', ...types]];
  rows.push(['total', ...types.map((t) => verdictText(v.by_type[t]))]);
  for (const d of v.by_day) {
    const weekday = new Date(`${d.date}T00:00:00Z`).toUTCString().slice(0, 3);
    rows.push([`${weekday} ${d.date}`, ...types.map((t) => verdictText(d.by_type[t]))]);
  }
  const share = v.loaded_intervals > 0 ? v.intervals_meeting / v.loaded_intervals : 1;
  return [
    `${title}: service level on ${v.replications} fresh replications (mean ±95% half-width; MISS: lower end below ${pct(v.target)})`,
    ...renderTable(rows, ['l', ...types.map((): 'r' => 'r')]),
    `  ${v.intervals_meeting} of ${v.loaded_intervals} loaded intervals (${(100 * share).toFixed(1)}%) meet the target on their mean; ` +
      (v.holds
        ? 'the plan HOLDS.'
        : exactDecides(v)
          ? 'the simulated check (every total and day at or above target, 95% of intervals) does not pass; the exact values decide:'
          : 'the plan does NOT hold (needs every total and day at or above target and 95% of intervals).'),
    ...exactLines(v),
    ...Object.entries(v.outside_open_hours ?? {})
      .filter(([, o]) => o.offered > 0)
      .map(
        ([t, o]) =>
          `  ${t}: totals and days count contacts arriving while it is open; ${num(o.offered, 0)} arrived outside its hours and waited for the opening ` +
          `(service level ${o.service_level === null ? NONE : pct(o.service_level)}: decided by the opening hours, not by the plan).`,
      ),
  ];
}

/** The short summary `ccsim staff` prints: per group, per day, the verdicts; the full tables go to files. */
export function formatStaffingSummary(result: StaffingResult): string {
  const out: string[] = [];
  const s = result.search;
  out.push(`Staffing: ${result.scenario} — target ${pct(result.target.service_level)} answered within ${result.target.threshold_seconds} s${caps(result) ? `; ${caps(result)}` : ''}`);
  out.push(`search: ${s.iterations} iterations, ${s.simulations} simulations, ${num(s.seconds, 1)} s (seed ${result.seed}, ${result.replications} replications per plan)`);
  out.push('');
  const rows: string[][] = [['group', 'headcount', 'paid h', 'agent cost', 'current cost', 'change']];
  let cost = 0;
  let current = 0;
  for (const [id, g] of Object.entries(result.groups)) {
    const shifted = result.shifts[id];
    const paid = shifted?.paid_hours ?? g.paid_hours;
    const c = shifted?.cost_agents ?? g.cost_agents;
    cost += c;
    current += g.current_cost_agents;
    rows.push([id + (shifted ? ' (shifts)' : ''), String(shifted?.headcount ?? result.headcount[id] ?? 0), num(paid, 1), num(c, 2), num(g.current_cost_agents, 2), change(c, g.current_cost_agents)]);
  }
  rows.push(['all groups', '', '', num(cost, 2), num(current, 2), change(cost, current)]);
  out.push('Per group (after the warm-up; paid hours include shrinkage; shift groups: their shift plan)');
  out.push(...renderTable(rows, ['l', 'r', 'r', 'r', 'r', 'r']));
  for (const [id, x] of Object.entries(result.shifts)) {
    out.push(
      `  ${id}: shifts by ${x.method === 'integer_program' ? 'integer program (HiGHS)' : 'greedy cover'}, ${num(x.paid_hours, 1)} paid hours, ` +
        `${pct(x.gap)} above the LP lower bound${x.repairs > 0 ? `; ${x.repairs} shifts added after simulation` : ''}`,
    );
  }
  const v = result.verification;
  if (v !== undefined) {
    out.push('');
    out.push(...verificationLines('staffed.yaml (interval plan)', v.plan));
    if (v.shifts !== null) {
      out.push('');
      out.push(...verificationLines('staffed-shifts.yaml (shift plan)', v.shifts));
    }
  }
  for (const gap of result.template_gaps ?? []) out.push('', `Template gap: ${gap.message}`);
  if (result.pooling !== null) out.push('', `Pooling: ${result.pooling.message}.`);
  return out.join('\n') + '\n';
}

function change(now: number, before: number): string {
  if (!(before > 0)) return NONE;
  const d = 100 * (now / before - 1);
  return `${d >= 0 ? '+' : ''}${d.toFixed(1)}%`;
}
