/** Reading history CSV: RFC 4180, column matching, and every class of bad row with its line. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { fitHistory, parseCsv, readHistory, skippedRows } from '../../src/fit/index.ts';
import type { ProblemKind } from '../../src/fit/index.ts';

const HEADER = 'date,interval,queue,offered,handled,abandoned,aht,asa';

/** A clean file: two days of 30-minute intervals, 08:00..09:30, one queue. */
function clean(): string[] {
  const rows = [HEADER];
  for (const date of ['2026-03-02', '2026-03-03']) {
    for (const t of ['08:00', '08:30', '09:00', '09:30']) rows.push(`${date},${t},Sales,10,9,1,300,20`);
  }
  return rows;
}

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and keeps line numbers', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",3\r\n"two\nlines",z,4\n\n5,6,7\n';
    const records = parseCsv(text, 'f.csv');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', '3'] },
      { line: 3, fields: ['two\nlines', 'z', '4'] },
      // The blank line 5 is skipped; the next record is on line 6.
      { line: 6, fields: ['5', '6', '7'] },
    ]);
  });

  it('keeps empty fields, quoted or not, and a last line without a line break', () => {
    expect(parseCsv('a,,""\n,b,', 'f.csv')).toEqual([
      { line: 1, fields: ['a', '', ''] },
      { line: 2, fields: ['', 'b', ''] },
    ]);
  });

  it('skips a byte-order mark and reads semicolon- or tab-separated files', () => {
    expect(parseCsv('\ufeffa;b\n1;"2;3"\n', 'f.csv')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2;3'] },
    ]);
    expect(parseCsv('a\tb\n1\t2\n', 'f.csv')[1]!.fields).toEqual(['1', '2']);
  });

  it('counts lines through mixed CRLF, LF and CR endings, line breaks inside quotes and blank lines', () => {
    // Line 2-3 is one record (a quoted CRLF), line 5 ends in a lone CR, lines 6 and 7 are blank.
    const text = 'a,b\r\n"x\r\ny",1\r\nz,2\rw,3\n\n\nv,4';
    expect(parseCsv(text, 'f.csv')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\r\ny', '1'] },
      { line: 4, fields: ['z', '2'] },
      { line: 5, fields: ['w', '3'] },
      { line: 8, fields: ['v', '4'] },
    ]);
    // The same counting names the line of a quote left open after them.
    expect(() => parseCsv('a\r\n"x\r\ny"\r\n\r\n"oops\r\n1\r\n', 'f.csv')).toThrow(/^f\.csv:5: a quoted field is never closed$/);
  });

  it('reads a --delimiter it is given, whatever the header suggests', () => {
    expect(parseCsv('a|b,c\n1|"2|3"\n', 'f.csv', '|')).toEqual([
      { line: 1, fields: ['a', 'b,c'] },
      { line: 2, fields: ['1', '2|3'] },
    ]);
  });

  it('refuses a quoted field that is never closed, naming the line it opens on', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"oops\n4,5\n', 'f.csv')).toThrow(/f\.csv:3: a quoted field is never closed/);
  });
});

describe('columns', () => {
  it('matches names case-insensitively, with aliases and units', () => {
    const text = [
      'Date,Interval Start,Skill,Calls Offered,Calls_Answered,Abandons,AHT (s),Avg Speed of Answer,Staffed',
      '2026-03-02,08:00,Sales,10,9,1,300,20,4',
    ].join('\n');
    const h = readHistory(text, 'h.csv');
    expect(h.columns.map((c) => [c.column, c.field])).toEqual([
      ['Date', 'date'],
      ['Interval Start', 'interval'],
      ['Skill', 'queue'],
      ['Calls Offered', 'offered'],
      ['Calls_Answered', 'handled'],
      ['Abandons', 'abandoned'],
      ['AHT (s)', 'aht'],
      ['Avg Speed of Answer', 'asa'],
      ['Staffed', 'agents'],
    ]);
    expect(h.rows[0]).toMatchObject({ offered: 10, handled: 9, abandoned: 1, aht: 300, asa: 20, agents: 4 });
  });

  it('--map overrides the matching, and can ignore a column', () => {
    const text = ['day,slot,q,In,Done,Lost,talk,calls', '2026-03-02,08:00,Sales,10,9,1,300,99'].join('\n');
    const h = readHistory(text, 'h.csv', {
      maps: [
        { column: 'slot', field: 'interval' },
        { column: 'Q', field: 'queue' },
        { column: 'in', field: 'offered' },
        { column: 'Done', field: 'handled' },
        { column: 'Lost', field: 'abandoned' },
        { column: 'talk', field: 'aht' },
        { column: 'calls', field: 'ignore' },
      ],
    });
    expect(h.rows[0]).toMatchObject({ date: '2026-03-02', minute: 480, queue: 'sales', offered: 10, handled: 9, abandoned: 1, aht: 300 });
    expect(h.ignoredColumns).toContain('calls');
  });

  it('a bad --map, a missing column, and two columns for one field are errors', () => {
    const text = `${HEADER}\n2026-03-02,08:00,Sales,10,9,1,300,20\n`;
    expect(() => readHistory(text, 'h.csv', { maps: [{ column: 'offered', field: 'volume' }] })).toThrow(/unknown field 'volume'/);
    expect(() => readHistory(text, 'h.csv', { maps: [{ column: 'nope', field: 'offered' }] })).toThrow(/has no column 'nope'/);
    expect(() => readHistory('date,interval,queue\n2026-03-02,08:00,Sales\n', 'h.csv')).toThrow(/no column for offered/);
    expect(() => readHistory('date,interval,calls,volume\n2026-03-02,08:00,1,2\n', 'h.csv')).toThrow(
      /columns 'calls' and 'volume' both look like 'offered'.*--map/,
    );
    expect(() => readHistory('', 'h.csv')).toThrow(UserError);
  });

  it('reads a date-time in one column, a whole hour, durations as mm:ss, and infers the interval', () => {
    const text = ['timestamp,offered,aht', '2026-03-02 08:00,5,04:30', '2026-03-02 08:15,6,1:02:03', '2026-03-02T08:30:00,7,12.5'].join('\n');
    const h = readHistory(text, 'h.csv');
    expect(h.problems).toEqual([]);
    expect(h.rows.map((r) => [r.minute, r.aht])).toEqual([
      [480, 270],
      [495, 3723],
      [510, 12.5],
    ]);
    expect(h.intervalMinutes).toBe(15);
    expect(h.queues).toEqual([{ name: 'all', id: 'all' }]);
  });
});

describe('bad rows: reported with their line, skipped with a count, or rejected with --strict', () => {
  const cases: Array<{ kind: ProblemKind; row: string; message: RegExp }> = [
    { kind: 'fields', row: '2026-03-04,08:00,Sales,10,9,1', message: /has 6 fields, the header has 8/ },
    { kind: 'missing', row: '2026-03-04,08:00,Sales,,9,1,300,20', message: /offered is missing/ },
    { kind: 'missing', row: '2026-03-04,08:00,Sales,10,9,1,,20', message: /aht is missing \(9 handled\)/ },
    { kind: 'missing', row: '2026-03-04,08:00,,10,9,1,300,20', message: /queue is missing/ },
    { kind: 'missing', row: ',08:00,Sales,10,9,1,300,20', message: /date is missing/ },
    { kind: 'negative', row: '2026-03-04,08:00,Sales,-3,9,1,300,20', message: /offered is negative: -3/ },
    { kind: 'negative', row: '2026-03-04,08:00,Sales,10,9,1,-300,20', message: /aht is negative/ },
    { kind: 'number', row: '2026-03-04,08:00,Sales,ten,9,1,300,20', message: /offered is not a number: 'ten'/ },
    { kind: 'date', row: '04/03/2026,08:00,Sales,10,9,1,300,20', message: /date is not a real date as YYYY-MM-DD: '04\/03\/2026'/ },
    { kind: 'date', row: '2026-02-30,08:00,Sales,10,9,1,300,20', message: /'2026-02-30'/ },
    { kind: 'time', row: '2026-03-04,25:00,Sales,10,9,1,300,20', message: /interval is not a time of day as HH:MM: '25:00'/ },
    { kind: 'time', row: '2026-03-04,noon,Sales,10,9,1,300,20', message: /'noon'/ },
    { kind: 'grid', row: '2026-03-04,08:07,Sales,10,9,1,300,20', message: /interval 08:07 is not on the 30-minute grid/ },
    { kind: 'duplicate', row: '2026-03-02,08:30,Sales,11,9,1,300,20', message: /duplicate interval: 2026-03-02 08:30 queue 'Sales' is already on line 3/ },
  ];

  for (const c of cases) {
    it(`${c.kind}: ${c.message.source}`, () => {
      const lines = clean();
      lines.splice(5, 0, c.row); // becomes line 6
      const text = lines.join('\n') + '\n';
      const h = readHistory(text, 'h.csv');
      expect(h.problems).toHaveLength(1);
      expect(h.problems[0]).toMatchObject({ line: 6, kind: c.kind });
      expect(h.problems[0]!.message).toMatch(c.message);
      // Nothing is dropped silently: every data row is used or reported.
      expect(h.rows.length + skippedRows(h.problems)).toBe(h.rowsRead);
      expect(h.rows).toHaveLength(8);
      // Without --strict the fit goes on; with it the file is refused, naming the line.
      expect(fitHistory(text, 'h.csv').history.problems).toHaveLength(1);
      expect(() => fitHistory(text, 'h.csv', { strict: true })).toThrow(UserError);
      expect(() => fitHistory(text, 'h.csv', { strict: true })).toThrow(/h\.csv:6: /);
    });
  }

  it('an empty AHT or ASA is fine where nothing was handled', () => {
    const lines = clean();
    lines.push('2026-03-04,08:00,Sales,1,0,1,,');
    const h = readHistory(lines.join('\n'), 'h.csv');
    expect(h.problems).toEqual([]);
    expect(h.rows.at(-1)).toMatchObject({ offered: 1, handled: 0 });
    expect(h.rows.at(-1)!.aht).toBeUndefined();
  });

  it('lists every bad row of a file with several, in line order, and counts them', () => {
    const lines = clean();
    lines.push('2026-03-04,08:00,Sales,-1,0,1,,', '2026-03-04,xx:00,Sales,1,0,1,,', '2026-03-04,08:30,Sales,1,0,1,,');
    const text = lines.join('\n');
    const h = readHistory(text, 'h.csv');
    expect(h.problems.map((p) => [p.line, p.kind])).toEqual([
      [10, 'negative'],
      [11, 'time'],
    ]);
    expect(() => fitHistory(text, 'h.csv', { strict: true })).toThrow(/1 negative value, 1 bad interval time \(--strict: nothing fitted\)/);
  });

  it('a file with no usable row is an error', () => {
    expect(() => fitHistory(`${HEADER}\n2026-13-01,08:00,Sales,1,1,0,300,5\n`, 'h.csv')).toThrow(/no usable rows.*\n.*h\.csv:2: /);
  });
});

describe('short history', () => {
  it('says what it cannot fit and leaves the defaults', () => {
    const fit = fitHistory(clean().join('\n'), 'h.csv');
    const t = fit.types[0]!;
    expect(t.arrivals.by_weekday).toBeNull();
    expect(t.arrivals.by_month).toBeNull();
    expect(t.arrivals.overdispersion).toBeNull();
    expect(t.arrivals.per_day).toBe(40);
    expect(t.arrivals.by_hour![8]).toBeCloseTo(0.5, 12);
    expect(t.arrivals.notes.join('\n')).toMatch(/by_weekday not fitted: the history covers 2 days/);
    expect(t.arrivals.notes.join('\n')).toMatch(/by_month not fitted/);
    expect(t.arrivals.notes.join('\n')).toMatch(/overdispersion_cv not fitted/);
    expect(t.handle_time.cv).toBe(0.8);
    expect(t.handle_time.notes.join('\n')).toMatch(/cv not estimated: 8 intervals/);
    // 8 abandoned: too few for patience.
    expect(t.patience.mean_seconds).toBeNull();
    expect(t.patience.notes.join('\n')).toMatch(/patience not fitted: 8 abandoned/);
  });

  it('without an asa column patience is left out, saying so', () => {
    const text = clean()
      .map((l) => l.split(',').slice(0, 7).join(','))
      .join('\n');
    const t = fitHistory(text, 'h.csv').types[0]!;
    expect(t.patience.mean_seconds).toBeNull();
    expect(t.patience.notes[0]).toMatch(/no asa column/);
  });
});

describe('the interval grid ignores bad rows', () => {
  it('unreadable values neither change the inferred grid nor drop good rows', () => {
    // One day of 30-minute intervals (48 rows). Until 18:00 two rows in three carry unreadable
    // counts; after it every row is good. The good rows alone are 90 minutes apart more often
    // than 30, so a grid inferred from them would be 90 minutes and throw away the evening's
    // good rows as off-grid; the grid comes from every row's time, so it stays 30 minutes.
    const rows = [HEADER];
    for (let i = 0; i < 48; i++) {
      const m = i * 30;
      const t = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const bad = i < 36 && i % 3 !== 0;
      rows.push(`2026-03-02,${t},Sales,${bad ? 'NaN' : '10'},9,1,300,20`);
    }
    const h = readHistory(rows.join('\n'), 'h.csv');
    expect(h.intervalMinutes).toBe(30);
    // Every good row is kept: 12 before 18:00 and 12 after.
    expect(h.rows).toHaveLength(24);
  });
});
