import type { Scenario } from '../scenario/types.ts';
import { SECONDS_PER_HOUR, timestampOf } from './calendar.ts';
import type { AgentGroupModel, ContactTypeModel } from './model.ts';
import { unstaffedStretches } from './open-windows.ts';

/** At most this many stretches are named per contact type; the rest are counted. */
const MAX_NAMED = 12;

/**
 * One warning per contact type that is open, expects contacts, and has no agent with its skill
 * logged in for an hour or more at a stretch: those contacts queue for nobody (and abandon, or
 * wait), which is rarely what a planner meant. Opening hours usually say what was meant.
 */
export function unstaffedWarnings(
  scenario: Scenario,
  types: ReadonlyArray<Pick<ContactTypeModel, 'id' | 'rates' | 'rateSeconds' | 'open'>>,
  groups: ReadonlyArray<Pick<AgentGroupModel, 'proficiency' | 'roster'>>,
  horizonSeconds: number,
): string[] {
  const warnings: string[] = [];
  types.forEach((t, j) => {
    const rosters = groups.filter((g) => g.proficiency[j]! > 0).map((g) => g.roster);
    const stretches = unstaffedStretches(
      { horizonSeconds, rateSeconds: t.rateSeconds, rates: t.rates, open: t.open, rosters },
      SECONDS_PER_HOUR,
    );
    if (stretches.length === 0) return;
    const at = (s: number) => timestampOf(scenario.horizon.start, s).replace('T', ' ');
    const named = stretches.slice(0, MAX_NAMED).map(([a, b]) => `${at(a)} to ${at(b)} (${+((b - a) / 3600).toFixed(2)} h)`);
    const rest = stretches.length - named.length;
    const hours = stretches.reduce((sum, [a, b]) => sum + (b - a), 0) / 3600;
    warnings.push(
      `contact type '${t.id}': contacts are offered while no agent with its skill is logged in: ${named.join(', ')}` +
        (rest > 0 ? ` and ${rest} more stretches` : '') +
        ` (${+hours.toFixed(2)} h in all); add staff or opening hours (open_hours)`,
    );
  });
  return warnings;
}
