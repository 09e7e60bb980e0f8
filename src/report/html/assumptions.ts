/**
 * The scenario's key assumptions as report.html shows them: horizon, target and caps, routing,
 * costs; volumes and their profiles, handle times, patience; staffing; self-service; the
 * customer-effort points. These describe inputs (not figures of the catalogue), in the words
 * and units a planner writes them in.
 */
import type { Distribution, Scenario, Staffing } from '../../scenario/types.ts';
import { effortRows, repeatChannels } from '../effort-assumptions.ts';
import { daysText, escapeHtml, isNum, NONE, plural, table } from './markup.ts';

/** `1,305`: thousands separators on a number's text. */
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

/** A duration as a planner writes it: `20 s`, `4.5 min`, `2 h`. */
function minutes(seconds: number): string {
  if (!isNum(seconds)) return NONE;
  if (seconds < 120) return `${+seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${+(seconds / 60).toFixed(1)} min`;
  return `${+(seconds / 3600).toFixed(1)} h`;
}

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

/** The assumptions section of one scenario. */
export function assumptions(scenario: Scenario): string {
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
