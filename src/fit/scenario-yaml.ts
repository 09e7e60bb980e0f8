/**
 * The fitted scenario as commented YAML: every fitted value says how it was fitted (and its
 * standard error where known), everything not in the history is marked FILL IN, and a value
 * that could not be fitted is left at its default with the reason.
 *
 * The text is written by hand (not through a YAML library) to place the comments; every value
 * is a number, a quoted date, an id matching `[a-z0-9_-]+`, or a JSON-quoted string, so it
 * reads back as written (the tests load it with `parseScenario`).
 */
import { basename } from 'node:path';
import { summarizeProblems, skippedRows } from './row-problems.ts';
import { addDays, MONTH_NAMES, WEEKDAY_NAMES, weekdayOfDate } from './profiles.ts';
import { DEFAULT_HANDLE_CV } from './handle-time.ts';
import type { FitResult, OpeningHoursFit, TypeFit } from './types.ts';

/** Handle time written when the history has none: a placeholder the header says to fill in. */
const PLACEHOLDER_AHT = 300;

/** A number with at most `decimals` decimals, without trailing zeros. */
export function num(x: number, decimals = 3): string {
  const r = Number(x.toFixed(decimals));
  return Object.is(r, -0) ? '0' : String(r);
}

/** Text safe on one comment line. */
function comment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** The scenario interval: the inferred one if allowed, else the smallest of 15/30/60 it divides. */
export function scenarioInterval(inferred: number | null): { minutes: 15 | 30 | 60; note: string } {
  if (inferred === null) return { minutes: 30, note: 'default: the history has one interval per day' };
  if (inferred === 15 || inferred === 30 || inferred === 60) return { minutes: inferred, note: 'as in the history' };
  const fit = ([15, 30, 60] as const).find((m) => m % inferred === 0);
  return fit === undefined
    ? { minutes: 60, note: `the history's ${inferred}-minute intervals are not allowed (15, 30 or 60)` }
    : { minutes: fit, note: `the history's ${inferred}-minute intervals are not allowed; ${fit} is the nearest that holds them` };
}

/** The Monday after `iso`. */
function mondayAfter(iso: string): string {
  const wd = weekdayOfDate(iso);
  return addDays(iso, 7 - wd);
}

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function scenarioYaml(fit: FitResult): string {
  const h = fit.history;
  const name = `Fitted from ${basename(h.file)}`;
  const first = fit.types.map((t) => t.arrivals.first_date).sort()[0]!;
  const last = fit.types.map((t) => t.arrivals.last_date).sort().reverse()[0]!;
  const interval = scenarioInterval(h.intervalMinutes);
  const skipped = skippedRows(h.problems);
  const out: string[] = [];
  const w = (line: string) => out.push(line);

  w(`# Fitted by \`ccsim fit\` from ${comment(h.file)}: ${first} .. ${last}, ${h.rowsRead} rows read, ${h.rows.length} used` +
    (skipped > 0 ? `, ${skipped} skipped (${summarizeProblems(h.problems)})` : '') + '.');
  w('#');
  w('# How each value was fitted (the fit report shows observed vs fitted by weekday, month and hour):');
  w('#   per_day      mean contacts per calendar day of a typical week in a typical covered month,');
  w('#                outlier days excluded: per_day x by_weekday x by_month is the mean daily volume.');
  w("#   by_hour      percent of a day's contacts in each hour, over the days used (only the shape matters).");
  w('#   by_weekday   Mon..Sun, Poisson maximum-likelihood fit of day totals (weekday x month main');
  w('#                effects), normalized to mean 1 over the 7 days (a closed day is 0).');
  w('#   by_month     Jan..Dec, same fit, mean 1 over the months with 14+ days of history; the others 1.');
  w('#   by_date      days whose total is more than k sd from their weekday x month expectation E');
  w('#                (robust median-based fit first; sd = sqrt(E (1 + cv^2 E))): observed / expected;');
  w('#                k = max(3.5, normal quantile 1 - 0.05/(2 n)) for n days: ~5% chance of any false flag.');
  w('#                They are history: copy the ones that recur (holidays) to the dates you plan.');
  w('#   overdispersion_cv  spread of day totals beyond Poisson, outlier days excluded:');
  w('#                cv^2 = (sum (obs - E)^2 x n/(n - p) - sum E) / sum E^2, with p fitted factors.');
  w('#   handle_time  lognormal; mean = sum(handled x AHT) / sum(handled). Interval AHTs only bracket a');
  w(`#                contact's cv; the default ${DEFAULT_HANDLE_CV} is used unless the bracket excludes it.`);
  w('#   patience     exponential; mean = total waiting time / abandoned, with waiting time');
  w('#                = (handled + abandoned) x ASA (ASA stands in for the unknown mean wait of abandoners).');
  w('# "±" is one standard error. Anything marked FILL IN is not in the history: set it before using the numbers.');
  w(`name: ${JSON.stringify(name)}`);
  w('seed: 1');
  w('horizon:');
  w(`  start: "${mondayAfter(last)}"   # the Monday after the history: set the period you plan`);
  w('  days: 7');
  w(`  interval_minutes: ${interval.minutes}   # ${comment(interval.note)}`);
  w('service_level: { threshold_seconds: 20, target: 0.8 }   # FILL IN your targets (these are the defaults)');
  // Opening hours once for the center when every queue has the same, else per queue.
  const hours = fit.types.map((t) => openHoursText(t.arrivals.open_hours ?? null));
  const shared = hours.every((h) => h !== null && h === hours[0]) ? hours[0]! : null;
  if (shared !== null) w(`open_hours: ${shared}   # ${OPEN_HOURS_NOTE}`);
  w('contact_types:');
  for (const [i, t] of fit.types.entries()) writeType(t, shared === null ? hours[i]! : null, w);
  w('agent_groups:');
  for (const t of fit.types) writeGroup(t, h.has.agents, w);
  w('costs:   # FILL IN');
  w('  per_minute_voice: 0');
  w('  per_contact: 0');
  w('  overhead_per_agent_hour: 0');
  return out.join('\n') + '\n';
}

function pm(se: number | undefined, decimals = 3): string {
  return se === undefined ? '' : `± ${num(se, decimals)}`;
}

const OPEN_HOURS_NOTE = "from the first to the last interval with contacts on each weekday's days (a weekday without rows: closed)";

/** `{ mon: ["08:00", "20:00"], ..., sun: closed }`, or null when open around the clock. */
function openHoursText(hours: OpeningHoursFit | null): string | null {
  if (hours === null) return null;
  const clock = (minute: number) => `"${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}"`;
  const days = hours.by_weekday.map((w, wd) => `${WEEKDAY_KEYS[wd]}: ${w === null ? 'closed' : `[${clock(w[0])}, ${clock(w[1])}]`}`);
  return `{ ${days.join(', ')} }`;
}

function writeType(t: TypeFit, openHours: string | null, w: (line: string) => void): void {
  const a = t.arrivals;
  w(`  - id: ${t.id}   # queue ${JSON.stringify(t.queue)}: ${a.first_date} .. ${a.last_date}, ${a.days_used} day${a.days_used === 1 ? '' : 's'} used`);
  for (const note of [...a.notes, ...t.handle_time.notes, ...t.patience.notes]) w(`    # ${comment(note)}`);
  w('    arrivals:');
  w(`      per_day: ${num(a.per_day, 2)}   # ${pm(a.per_day_se, 2)}`);
  if (a.by_hour === null) {
    w('      # by_hour not fitted: flat over the 24 hours');
  } else {
    const minutes = 1440 / a.by_hour.length;
    const at = (k: number) => `${String(Math.floor((k * minutes) / 60)).padStart(2, '0')}:${String((k * minutes) % 60).padStart(2, '0')}`;
    const what = minutes === 60 ? 'hour of day' : `${minutes}-minute interval of the day`;
    const shared = a.intraday_by_weekday ? ' (the days without a template below)' : '';
    w(`      by_hour:   # percent of the day's contacts, ${what}${shared}`);
    a.by_hour.forEach((share, k) => w(`        - ${num(share * 100, 3)}   # ${at(k)}`));
    if (a.intraday_by_weekday) {
      w('      intraday_by_weekday:   # weekdays whose shape differs significantly (see the notes): percent, as by_hour');
      a.intraday_by_weekday.forEach((shape, wd) => {
        if (shape) w(`        ${WEEKDAY_KEYS[wd]}: [${shape.map((x) => num(x * 100, 3)).join(', ')}]`);
      });
    }
  }
  if (a.by_weekday === null) {
    w('      by_weekday: [1, 1, 1, 1, 1, 1, 1]   # not fitted: default (Mon..Sun)');
  } else {
    const se = a.by_weekday_se ?? [];
    w(`      by_weekday: [${a.by_weekday.map((x) => num(x)).join(', ')}]   # Mon..Sun, ${pm(Math.max(...se))} at most`);
  }
  if (a.by_month === null) {
    w('      # by_month not fitted: all 1');
  } else {
    const covered = a.months_covered.map((j) => MONTH_NAMES[j]).join(', ');
    const se = (a.by_month_se ?? []).filter((_, j) => a.months_covered.includes(j));
    w(`      by_month: [${a.by_month.map((x) => num(x)).join(', ')}]   # Jan..Dec; fitted ${covered}, ${pm(Math.max(...se))} at most`);
  }
  if (a.by_date.length > 0) {
    w(`      by_date:   # outlier days of the history (more than ${num(a.outlier_k, 2)} sd): observed / expected`);
    for (const d of a.by_date) {
      w(`        "${d.date}": ${num(d.ratio)}   # ${WEEKDAY_NAMES[d.weekday]}: ${num(d.observed, 1)} observed, ${num(d.expected, 1)} expected`);
    }
  }
  if (a.overdispersion === null) {
    w('      overdispersion_cv: 0   # not fitted: default');
  } else {
    w(`      overdispersion_cv: ${num(a.overdispersion.value)}   # ${pm(a.overdispersion.se)}`);
  }
  const ht = t.handle_time;
  if (ht.mean_seconds === null) {
    w(`    handle_time: { distribution: lognormal, mean_seconds: ${PLACEHOLDER_AHT}, cv: ${DEFAULT_HANDLE_CV} }   # FILL IN: not in the history`);
  } else {
    const bracket = ht.cv_lower === null ? 'cv: default' : `cv bracket [${num(ht.cv_lower, 2)}, ${num(ht.cv_upper ?? ht.cv_lower, 2)}]`;
    w(
      `    handle_time: { distribution: lognormal, mean_seconds: ${num(ht.mean_seconds, 1)}, cv: ${num(ht.cv, 2)} }   ` +
        `# mean ${pm(ht.mean_se, 1)}; ${bracket}`,
    );
  }
  const p = t.patience;
  if (p.mean_seconds === null) {
    w('    # patience not fitted: left out (nobody abandons)');
  } else {
    w(`    patience: { distribution: exponential, mean_seconds: ${num(p.mean_seconds, 1)} }   # ${pm(p.mean_se, 1)}; ${num(p.abandoned, 0)} abandoned`);
  }
  if (openHours !== null) w(`    open_hours: ${openHours}   # ${OPEN_HOURS_NOTE}`);
}

function writeGroup(t: TypeFit, hasAgents: boolean, w: (line: string) => void): void {
  w(`  - id: ${t.id}-team`);
  w(`    skills: { ${t.id}: 1 }`);
  if (hasAgents && t.agents_by_hour !== null) {
    w(`    agents: [${t.agents_by_hour.map((x) => String(Math.round(x))).join(', ')}]   # mean staffed agents by hour of day in the history (rounded)`);
  } else {
    w(`    agents: ${placeholderAgents(t)}   # FILL IN: placeholder = peak-hour offered load in Erlangs, rounded up, + 1 (not a staffing plan)`);
  }
  w('    hourly_cost: 0   # FILL IN');
  w('    shrinkage: 0   # FILL IN');
}

/** Offered load of the busiest hour of the busiest weekday and month, rounded up, plus one. */
function placeholderAgents(t: TypeFit): number {
  const a = t.arrivals;
  // The busiest hour's share (a per-interval shape folded into hours), over every day's shape.
  const hourly = (shape: number[]) => Array.from({ length: 24 }, (_, h) => shape.slice((h * shape.length) / 24, ((h + 1) * shape.length) / 24).reduce((x, y) => x + y, 0));
  const shapes = a.by_hour === null ? [] : [a.by_hour, ...(a.intraday_by_weekday ?? []).filter((x): x is number[] => x !== null)];
  const peakShare = shapes.length === 0 ? 1 / 24 : Math.max(...shapes.flatMap(hourly));
  const peakDay = a.per_day * Math.max(...(a.by_weekday ?? [1])) * Math.max(...(a.by_month ?? [1]));
  const aht = t.handle_time.mean_seconds ?? PLACEHOLDER_AHT;
  return Math.ceil((peakDay * peakShare * aht) / 3600) + 1;
}

