import { describe, expect, it } from 'vitest';
import type { IntervalMetrics, Metrics, Result } from '../../src/metrics/types.ts';
import { csvField, csvNumber, intervalsCsv, METRIC_COLUMNS, toCsv, totalsCsv, typesCsv } from '../../src/report/csv.ts';
import { resultToJson } from '../../src/report/json.ts';

/** A hand-made metrics block: every field set, so a missing column would show. */
function metrics(overrides: Partial<Metrics> = {}): Metrics {
  return {
    arrivals: 100,
    contained: 10,
    offered: 90,
    answered: 85,
    abandoned: 5,
    transfers: 2,
    service_level: 0.8123456789,
    asa_seconds: 12.5,
    wait_probability: 0.4,
    abandon_rate: 5 / 90,
    aht_seconds: 180.25,
    occupancy: 0.85,
    fcr: 0.75,
    containment_rate: 0.5,
    repeat_rate: 0.1,
    ttr_hours: { mean: 2.5, p50: 0.1, p90: 24 },
    cases: 95,
    resolved_cases: 80,
    lost_cases: 5,
    open_cases: 10,
    cost_total: 1234.5,
    cost_per_contact: 12.345,
    cost_per_resolution: 15.43125,
    effort_mean: 2.25,
    high_effort_share: 0.0625,
    effort_open_mean: 3.5,
    closed: 0,
    agents: 5,
    paid_hours: 40,
    cost_agents: 1000,
    cost_self_service: 10,
    cost_telephony: 200,
    cost_contacts: 24.5,
    waiting_at_end: 0,
    in_self_service_at_end: 0,
    cases_reached: 85,
    self_service_tried: 20,
    ...overrides,
  };
}

function interval(start: string, overrides: Partial<Metrics> = {}): IntervalMetrics {
  return { start, ...metrics(overrides) };
}

function fixture(withCi = false): Result {
  const result: Result = {
    scenario: 'Test, "quoted" center',
    seed: 7,
    replications: withCi ? 5 : 1,
    totals: metrics({ arrivals: 200 }),
    by_type: {
      general: metrics(),
      billing: metrics({ service_level: null, asa_seconds: null, ttr_hours: { mean: null, p50: null, p90: null } }),
    },
    by_interval: [interval('2026-01-05T00:00'), interval('2026-01-05T00:30', { occupancy: null })],
  };
  if (withCi) {
    const ci = metrics({ service_level: 0.0123, arrivals: 3.5 });
    result.ci95 = {
      totals: ci,
      by_type: { general: ci, billing: ci },
      by_interval: [interval('2026-01-05T00:00', { service_level: 0.02 }), interval('2026-01-05T00:30')],
    };
  }
  return result;
}

/** A minimal RFC 4180 reader, to check that what is written reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += c), i++;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

function records(text: string): Array<Record<string, string>> {
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
}

describe('csvNumber', () => {
  it('prints integers as they are and others with at most 6 decimals', () => {
    expect(csvNumber(42)).toBe('42');
    expect(csvNumber(0)).toBe('0');
    expect(csvNumber(0.8123456789)).toBe('0.812346');
    expect(csvNumber(1234.5)).toBe('1234.5');
    expect(csvNumber(1 / 3)).toBe('0.333333');
    expect(csvNumber(-2.25)).toBe('-2.25');
    expect(csvNumber(-0.0000001)).toBe('-1e-7');
    expect(csvNumber(0.000123456789)).toBe('0.000123457');
  });
  it('leaves null and non-finite values empty', () => {
    expect(csvNumber(null)).toBe('');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
  it('prints what parsing its 6-decimal rounding back would print, at every magnitude', () => {
    // The definition, spelled out the slow way: round to 6 decimals (6 significant digits below
    // 0.001), parse, print; no negative zero.
    const definition = (x: number): string => {
      const rounded = Math.abs(x) >= 1e-3 ? Number(x.toFixed(6)) : Number(x.toPrecision(6));
      return String(Object.is(rounded, -0) ? 0 : rounded);
    };
    let seed = 7;
    const uniform = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const values = [0.1 + 0.2, 0.0015, -0.0015, 0.001, 0.0009999996, 123.0000005, 999999999.9999996, 1e9 + 0.5, 5e-7, -5e-7, 1.0000004999];
    for (let e = -8; e <= 12; e++) for (let k = 0; k < 400; k++) values.push((uniform() - 0.5) * 2 * 10 ** e);
    for (const x of values) expect(csvNumber(x), String(x)).toBe(definition(x));
  });
  it('round-trips to within its precision', () => {
    for (const x of [0.1, 0.7071067811865476, 12345.678901234, 180.00000049]) {
      expect(Math.abs(Number(csvNumber(x)) - x)).toBeLessThanOrEqual(5e-7);
    }
  });
});

describe('RFC 4180 quoting', () => {
  it('quotes fields with a comma, quote or line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });
  it('ends every line with CRLF and reads back', () => {
    const rows = [['a', 'b,c'], ['"q"', 'x\ny']];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('intervals.csv', () => {
  it('has start then every metric, ttr_hours flattened, one row per interval', () => {
    const result = fixture();
    const [head, ...rows] = parseCsv(intervalsCsv(result));
    expect(head![0]).toBe('start');
    expect(head).toContain('ttr_hours_mean');
    expect(head).toContain('ttr_hours_p50');
    expect(head).toContain('ttr_hours_p90');
    expect(head).not.toContain('ttr_hours');
    expect(head).toHaveLength(1 + METRIC_COLUMNS.length);
    expect(head!.some((h) => h.endsWith('_ci95'))).toBe(false);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveLength(head!.length);
  });

  it('covers every metric key of the result', () => {
    const names = new Set(METRIC_COLUMNS.map((c) => c.name));
    for (const key of Object.keys(metrics())) {
      if (key === 'ttr_hours') continue;
      expect(names.has(key), key).toBe(true);
    }
  });

  it('writes values, with null as an empty cell', () => {
    const [first, second] = records(intervalsCsv(fixture()));
    expect(first!.start).toBe('2026-01-05T00:00');
    expect(first!.arrivals).toBe('100');
    expect(first!.service_level).toBe('0.812346');
    expect(first!.ttr_hours_p90).toBe('24');
    expect(first!.occupancy).toBe('0.85');
    expect(second!.occupancy).toBe('');
  });

  it('adds <metric>_ci95 columns after the metrics when ci95 is present', () => {
    const text = intervalsCsv(fixture(true));
    const [head] = parseCsv(text);
    expect(head).toHaveLength(1 + 2 * METRIC_COLUMNS.length);
    expect(head!.slice(0, 1 + METRIC_COLUMNS.length)).toEqual(parseCsv(intervalsCsv(fixture()))[0]);
    expect(head).toContain('service_level_ci95');
    expect(head).toContain('ttr_hours_p90_ci95');
    const [first] = records(text);
    expect(first!.service_level_ci95).toBe('0.02');
  });
});

describe('types.csv', () => {
  it('has one row per type in order, and no total row (totals.csv holds it)', () => {
    const rows = records(typesCsv(fixture()));
    expect(rows.map((r) => r.type)).toEqual(['general', 'billing']);
    const totals = records(totalsCsv(fixture()));
    expect(totals.map((r) => r.scope)).toEqual(['all']);
    expect(totals[0]!.arrivals).toBe('200');
    expect(rows[1]!.service_level).toBe('');
    expect(rows[1]!.ttr_hours_mean).toBe('');
    expect(rows[1]!.cost_per_contact).toBe('12.345');
  });

  it('has the same metric columns as intervals.csv', () => {
    const [typesHead] = parseCsv(typesCsv(fixture(true)));
    const [intervalsHead] = parseCsv(intervalsCsv(fixture(true)));
    expect(typesHead!.slice(1)).toEqual(intervalsHead!.slice(1));
  });

  it('fills ci95 columns per type and for the total', () => {
    const rows = records(typesCsv(fixture(true)));
    expect(rows.map((r) => r.service_level_ci95)).toEqual(['0.0123', '0.0123']);
    expect(records(totalsCsv(fixture(true)))[0]!.arrivals_ci95).toBe('3.5');
  });
});

describe('summary.json', () => {
  it('is the result with two-space indent, full precision and a final newline', () => {
    const result = fixture(true);
    const text = resultToJson(result);
    expect(text).toBe(JSON.stringify(result, null, 2) + '\n');
    expect(JSON.parse(text)).toEqual(result);
    expect(text).toContain('0.8123456789');
  });
});
