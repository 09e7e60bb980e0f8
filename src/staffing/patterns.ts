/**
 * Weekly patterns: what a shift cover may roster. A template is a daily shift (start, length,
 * breaks) with the weeks of working days an agent on it may have; each (template, week) is one
 * variable of the cover, written back as one scenario shift `{start, hours, agents, days: week,
 * breaks}` — the roster repeats a shift on every listed weekday, so `ccsim simulate` plays the
 * plan exactly as the cover counted it.
 *
 * - `days_on: N`: N consecutive working days and 7 − N consecutive rest days, every start day
 *   whose N days lie in `days` (5 on 2 off: seven weeks, Mon–Fri to Sun–Thu; 4 × 10 h: `hours:
 *   10, days_on: 4`).
 * - `patterns`: the weeks listed day by day (rest days split, or a fixed team week).
 * - neither: day by day, one week of a single day per weekday in `days` (an agent-day is
 *   rostered on its own; no rest-day rule). A group's own `shifts` are used this way when it has
 *   no `shift_templates`.
 */

import { consecutiveWeeks } from '../scenario/schema.ts';
import type { AgentGroup, Shift, ShiftBreak, ShiftTemplate, Weekday } from '../scenario/types.ts';

/** A template as the cover uses it: the daily shift and its weeks of working days. */
export interface CoverTemplate {
  start: string;
  hours: number;
  breaks: ShiftBreak[];
  break_window_minutes: number;
  /** One variable of the cover per week; a week is a list of weekdays, Monday first. */
  weeks: Weekday[][];
  /** Rostered day by day (no weekly pattern): the same people may work any of its days. */
  dayByDay: boolean;
}

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DEFAULT_BREAK_WINDOW_MINUTES = 60;

const isShift = (t: Shift | ShiftTemplate): t is Shift => 'agents' in t;

/** The weeks of working days a template (or a scenario shift, day by day) offers. */
export function weeksOf(t: Shift | ShiftTemplate): Weekday[][] {
  const days = WEEKDAYS.filter((d) => t.days.includes(d));
  if (!isShift(t)) {
    if (t.patterns !== undefined) return t.patterns.map((w) => WEEKDAYS.filter((d) => w.includes(d)));
    if (t.days_on !== undefined) return consecutiveWeeks(t.days_on, days).map((w) => WEEKDAYS.filter((d) => w.includes(d)));
  }
  return days.map((d) => [d]);
}

export function coverTemplate(t: Shift | ShiftTemplate): CoverTemplate {
  return {
    start: t.start,
    hours: t.hours,
    breaks: (t.breaks ?? []).map((b) => ({ ...b })),
    break_window_minutes: t.break_window_minutes ?? DEFAULT_BREAK_WINDOW_MINUTES,
    weeks: weeksOf(t),
    dayByDay: isShift(t) || (t.days_on === undefined && t.patterns === undefined),
  };
}

/**
 * What `ccsim staff` rosters group `g` with: its `shift_templates`, else its own shifts day by
 * day; null when it has neither (it is staffed per interval only).
 */
export function templatesOf(g: AgentGroup): CoverTemplate[] | null {
  if (g.shift_templates !== undefined && g.shift_templates.length > 0) return g.shift_templates.map(coverTemplate);
  if (g.staffing.kind === 'shifts') return g.staffing.shifts.map(coverTemplate);
  return null;
}

/** A week as planners write it: `mon`, `mon-fri`, `sat-wed`, or a list `mon, wed, fri`. */
export function weekLabel(week: readonly Weekday[]): string {
  if (week.length === 0) return '';
  if (week.length === 1) return week[0]!;
  const idx = week.map((d) => WEEKDAYS.indexOf(d));
  // A run of consecutive days, possibly across Sunday (sat-tue).
  for (let s = 0; s < idx.length; s++) {
    const first = idx[s]!;
    if (idx.every((_, k) => idx.includes((first + k) % 7))) return `${WEEKDAYS[first]}-${WEEKDAYS[(first + idx.length - 1) % 7]}`;
  }
  return week.join(', ');
}
