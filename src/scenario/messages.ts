/**
 * Every message a scenario file can earn, in one place, so the wording stays consistent and
 * plain: say what was expected and what was found, never how the validator works inside.
 */

/** How a value found in the file reads in a message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(short);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty mapping' : 'a mapping';
  return typeof value;
}

/** "expected X, got Y"; a missing value reads "required: X". */
export function expected(what: string, got: unknown): string {
  return got === undefined ? `required: ${what}` : `expected ${what}, got ${describe(got)}`;
}

/** "expected 24 numbers (one per hour of day), got 23". */
export function expectedList(count: number, noun: string, meaning: string, got: unknown): string {
  const what = `${count} ${noun} (${meaning})`;
  if (Array.isArray(got)) return `expected ${what}, got ${got.length}`;
  return expected(what, got);
}

export function oneOf(values: readonly (string | number)[]): string {
  const shown = values.map(String);
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** Plain words for the value rules of the file format. */
export const WHAT = {
  number: 'a number',
  nonNegative: 'a number >= 0',
  positive: 'a number > 0',
  share: 'a share between 0 and 1',
  shareBelowOne: 'a share >= 0 and < 1',
  proficiency: 'a proficiency > 0 and <= 1',
  integer: 'a whole number',
  nonNegativeInteger: 'a whole number >= 0',
  positiveInteger: 'a whole number >= 1',
  text: 'text',
  id: "an id made of lowercase letters, digits, '_' and '-' (like billing or vip_chat)",
  isoDate: 'an ISO date like 2026-01-05',
  clockTime: 'a time of day "HH:MM" like "08:30"',
  shiftHours: 'a number of hours > 0 and <= 24',
  dateTime: 'a date and time "YYYY-MM-DDTHH:MM" like "2026-01-05T10:00"',
  mapping: 'a mapping',
  list: 'a list',
  distribution:
    'a distribution (a mapping like {distribution: exponential, mean_seconds: 180}) or a number of seconds',
  perHour: 'a number >= 0 or 24 numbers (one per hour of day)',
  agents: 'a whole number >= 0, 24 whole numbers (one per hour of day), or {by_interval: [...]}',
} as const;

export const MSG = {
  fileNotFound: 'file not found',
  cannotRead: (reason: string) => `cannot read the file (${reason})`,
  badExtension: (ext: string) =>
    `expected a .yaml, .yml or .json file, got ${ext ? `a ${ext} file` : 'a file without extension'}`,
  emptyFile: 'the file is empty: expected a scenario with at least contact_types and agent_groups',
  yamlSyntax: (detail: string) => `not valid YAML: ${detail}`,
  yamlTooDeep: 'lists or mappings nested too deeply to read (hundreds of levels, where a scenario needs a few)',
  moreYamlErrors: (n: number) => `and ${n} more YAML ${n === 1 ? 'error' : 'errors'} after these (most follow from the first)`,
  topLevel: (got: unknown) =>
    `expected a mapping at the top level (keys like name, contact_types, agent_groups), got ${describe(got)}`,
  complexKey: 'expected a plain key (text), got a list or mapping used as a key',
  tooManyEvents: (limit: number, got: unknown) =>
    `expected at most ${limit.toLocaleString('en-US')} events, got ${Array.isArray(got) ? got.length.toLocaleString('en-US') : describe(got)}`,
  tooManyValues: (limit: number) =>
    `the file holds more than ${limit.toLocaleString('en-US')} values; a scenario needs far fewer (ten years of staffing by 15 minutes is 350,400), and reading more would take gigabytes`,
  aliasBomb: (limit: number) =>
    `YAML aliases (*name) here expand to more than ${limit.toLocaleString('en-US')} values in all; write the values out, or reuse less`,
  reservedKey: (key: string) => `unknown key '${key}' (a reserved name, never a scenario key)`,
  retryLoop: 'retry with probability 1 and no delay after a patience of 0 would retry forever at one instant: give patience > 0, retry.after > 0, or retry.probability < 1',
  unknownKey: (key: string, known: readonly string[]) => {
    const near = closest(key, known);
    return near
      ? `unknown key '${key}' (did you mean '${near}'?)`
      : `unknown key '${key}' (expected one of ${oneOf(known)})`;
  },
  exactlyOne: (keys: readonly string[], given: readonly string[]) =>
    given.length === 0 ? `required: one of ${oneOf(keys)}` : `give only one of ${oneOf(keys)}, not ${given.join(' and ')}`,
  byHourNeedsPerDay: 'by_hour shapes per_day only; with per_hour give 24 hourly rates instead',
  allZeroWeights: (count: number) => `expected ${count} weights that are not all 0`,
  atLeastOne: (what: string, got: unknown) => expected(`at least one ${what}`, got),
  noDistribution: (names: readonly string[], got: unknown) => expected(`distribution: one of ${oneOf(names)}`, got),
  notRealDate: (key: string) => `'${key}' is not a real date (expected an ISO date like 2026-12-25)`,
  duplicateId: (id: string, firstPath: string) => `duplicate id '${id}' (already used by ${firstPath})`,
  unknownSkill: (skill: string, known: readonly string[]) => {
    const near = closest(skill, known);
    const hint = near ? ` (did you mean '${near}'?)` : '';
    return `unknown contact type '${skill}'${hint}; contact types are ${oneOf(known)}`;
  },
  unservedType: (id: string) =>
    `no agent group has the skill '${id}', so its contacts would wait forever: add '${id}' to some group's skills`,
  intervalCount: (expectedCount: number, intervalMinutes: number, days: number, got: number) =>
    `expected ${expectedCount} values (one per ${intervalMinutes}-minute interval of the ${days}-day horizon), got ${got}`,
  staffingLength: (perDay: number, perWeek: number, horizon: number, intervalMinutes: number, days: number, got: number) =>
    `expected ${perDay} values (one day of ${intervalMinutes}-minute intervals, repeated daily), ${perWeek} (one week from Monday, repeated weekly) or ${horizon} (every interval of the ${days}-day horizon), got ${got}`,
  breakOutsideShift: (hours: number, from: number, to: number) =>
    `the break window runs from ${from} to ${to} hours after the shift start, outside the ${hours}-hour shift: move after_hours or narrow break_window_minutes`,
  warmupTooLong: (horizonHours: number, got: number) =>
    `expected less than the horizon (${horizonHours} hours), got ${got}`,
  emailPatienceIgnored: 'patience is ignored for email contacts (email has no patience)',
  eventEndsBeforeStart: (from: string, to: string) => `expected 'to' after 'from' (${from}), got ${to}`,
  eventChangesNothing:
    'an event must change something: give arrivals_factor, handle_time_factor, self_service: down or agents_absent',
  unknownGroup: (id: string, known: readonly string[]) => {
    const near = closest(id, known);
    const hint = near ? ` (did you mean '${near}'?)` : '';
    return `unknown agent group '${id}'${hint}; agent groups are ${oneOf(known)}`;
  },
  unknownType: (id: string, known: readonly string[]) => {
    const near = closest(id, known);
    const hint = near ? ` (did you mean '${near}'?)` : '';
    return `unknown contact type '${id}'${hint}; contact types are ${oneOf(known)}`;
  },
  unknownMetric: (name: string, known: readonly string[]) => {
    const near = closest(name, known);
    return `unknown metric '${name}'${near ? ` (did you mean '${near}'?)` : ''}; a scorecard can name ${oneOf(known)}`;
  },
  undirectedMetric: (name: string) =>
    `'${name}' has no better direction (neither higher nor lower is better), so a scorecard cannot score it`,
  unknownRepeatChannel: (id: string, known: readonly string[]) => {
    const near = closest(id, known);
    return `unknown contact type '${id}'${near ? ` (did you mean '${near}'?)` : ''}; repeat_channel names the contact type a repeat or retry arrives as: one of ${oneOf(known)}`;
  },
  concurrencyWithoutChat: (concurrency: number) =>
    `concurrency ${concurrency} has no effect: this group has no chat skill, and only chats are handled concurrently`,
} as const;

/** The known word nearest to a typo, when it is near enough to be a likely intent. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    // Words whose lengths differ by more than the limit are further apart than it: skipped
    // without a table of |word| x |candidate| (a key of a megabyte would make one per candidate).
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/**
 * Edit distance counting a swap of two neighbours as one edit, the commonest typo. Three rows of
 * the table are enough (the swap looks two back); a file of 50,000 unknown keys asks for 600,000
 * distances, and a table of arrays per distance cost seconds.
 */
function editDistance(a: string, b: string): number {
  const n = b.length + 1;
  let before = new Int32Array(n); // row i - 2
  let previous = Int32Array.from({ length: n }, (_, j) => j); // row i - 1
  let row = new Int32Array(n); // row i
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j < n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row[j] = best;
    }
    [before, previous, row] = [previous, row, before];
  }
  return previous[n - 1]!;
}
