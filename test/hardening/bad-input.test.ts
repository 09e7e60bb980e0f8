import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, NonFiniteResultError, ScenarioError } from '../../src/errors.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { compile as compileModel } from '../../src/model/compile.ts';
import { runReplication as runOne } from '../../src/center/run.ts';
import { summarise } from '../../src/metrics/summarise.ts';
import { compare, compile, runReplication, simulate, staff } from '../../src/library/api.ts';
import { WorkLimitError, estimatedMetricsCsvChars } from '../../src/experiment/work-estimate.ts';
import { fitHistory } from '../../src/fit/index.ts';
import { overloadWarning } from '../../src/report/overload.ts';
import { formatSummary } from '../../src/report/table.ts';
import { BIN, expectUserError, runCcsim } from '../helpers/cli.ts';

/*
 * Issue 15, one class per test: hangs and runaway memory, silent wrong results, the library.
 * Each asserts the error (type or exit code 2) and its message, and that nothing was written.
 */

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const GOOD = `name: ok
contact_types:
  - id: billing
    arrivals: { per_hour: 60 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
agent_groups:
  - id: team
    skills: { billing: 1 }
    agents: 4
`;

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-i15-bad-'));
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

function scenarioErrorOf(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}

describe('hangs', () => {
  it('a YAML alias bomb is refused at once, pointing at the alias', () => {
    const t0 = performance.now();
    const e = scenarioErrorOf(() => loadScenario(join(BAD, 'alias-bomb.yaml')));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(e.message).toMatch(/alias-bomb\.yaml:\d+:\d+: YAML aliases \(\*name\) here expand to more than 100,000 values/);
  });

  it('patience 0 with a certain, immediate retry is refused (it would loop at one instant)', () => {
    const e = scenarioErrorOf(() => loadScenario(join(BAD, 'retry-loop.yaml')));
    expect(e.problems).toEqual([expect.objectContaining({ path: 'contact_types[billing].retry', message: expect.stringMatching(/retry forever at one instant/) })]);
    // The same with a chance of giving up, or a delay, is fine.
    expect(() => parseScenario(GOOD.replace('    handle_time:', '    patience: 0\n    retry: { probability: 0.9, after: 0 }\n    handle_time:'), 'x.yaml')).not.toThrow();
    expect(() => parseScenario(GOOD.replace('    handle_time:', '    patience: 0\n    retry: { probability: 1, after: 5 }\n    handle_time:'), 'x.yaml')).not.toThrow();
  });

  it('a FIFO, /dev/zero and an oversized file are refused without reading them', () => {
    const fifo = join(cwd, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    symlinkSync('/dev/zero', join(cwd, 'zero.yaml'));
    writeFileSync(join(cwd, 'huge.yaml'), Buffer.alloc(33 * 1024 * 1024, 0x61));
    expectUserError(runCcsim(cwd, 'validate', 'pipe.yaml'), /pipe\.yaml: cannot read the file \(it is a pipe \(FIFO\), not a regular file\)/);
    expectUserError(runCcsim(cwd, 'validate', 'zero.yaml'), /zero\.yaml: cannot read the file \(it is a device, not a regular file\)/);
    expectUserError(runCcsim(cwd, 'validate', 'huge.yaml'), /huge\.yaml: the file is 33 MB; the limit for this kind of file is 32 MB/);
    const fifoCsv = join(cwd, 'pipe.csv');
    execFileSync('mkfifo', [fifoCsv]);
    expectUserError(runCcsim(cwd, 'fit', 'pipe.csv'), /pipe\.csv: cannot read the file \(it is a pipe/);
    // The Erlang calculator's --csv reads a history as fit does (it read any path to the end: a
    // pipe without a writer hung, /dev/zero filled the memory).
    expectUserError(runCcsim(cwd, 'erlang', '--csv', 'pipe.csv', '--aht', '60'), /pipe\.csv: cannot read the file \(it is a pipe/);
    symlinkSync('/dev/zero', join(cwd, 'zero.csv'));
    expectUserError(runCcsim(cwd, 'erlang', '--csv', 'zero.csv', '--aht', '60'), /zero\.csv: cannot read the file \(it is a device/);
  });

  it('report and studio read their files as every input is read (a pipe hung them, /dev/zero read for ever)', () => {
    const run = join(cwd, 'run-with-pipe');
    const made = runCcsim(cwd, 'simulate', join(BAD, '..', '..', '..', 'scenarios', 'erlang-c.yaml'), '--out', run, '--no-charts', '--quiet');
    expect(made.status, made.stderr).toBe(0);
    const summary = readFileSync(join(run, 'summary.json'));
    rmSync(join(run, 'summary.json'));
    execFileSync('mkfifo', [join(run, 'summary.json')]);
    expectUserError(runCcsim(cwd, 'report', run, '--no-charts'), /report: .*summary\.json: cannot read the file \(it is a pipe \(FIFO\), not a regular file\)/);
    rmSync(join(run, 'summary.json'));
    writeFileSync(join(run, 'summary.json'), summary);
    rmSync(join(run, 'scenario.json'));
    symlinkSync('/dev/zero', join(run, 'scenario.json'));
    expectUserError(runCcsim(cwd, 'report', run, '--no-charts'), /report: .*scenario\.json: cannot read the file \(it is a device, not a regular file\)/);
    expectUserError(runCcsim(cwd, 'studio', 'pipe.yaml'), /pipe\.yaml: cannot read the file \(it is a pipe \(FIFO\), not a regular file\)/);
  });

  it("ccsim report rewrites only a folder a ccsim run wrote, never a page of the user's", () => {
    const run = join(cwd, 'copied-run');
    const made = runCcsim(cwd, 'simulate', join(BAD, '..', '..', '..', 'scenarios', 'erlang-c.yaml'), '--out', run, '--no-charts', '--quiet');
    expect(made.status, made.stderr).toBe(0);
    // The run's JSON copied into a folder of the user's, beside a page of theirs.
    const mine = join(cwd, 'my-pages');
    execFileSync('mkdir', ['-p', mine]);
    for (const f of ['summary.json', 'scenario.json']) writeFileSync(join(mine, f), readFileSync(join(run, f)));
    writeFileSync(join(mine, 'report.html'), '<p>mine</p>');
    expectUserError(runCcsim(cwd, 'report', mine, '--no-charts'), /report: .*my-pages: not a ccsim run folder \(it has no \.ccsim-run marker/);
    expect(readFileSync(join(mine, 'report.html'), 'utf8')).toBe('<p>mine</p>');
    expect(runCcsim(cwd, 'report', run, '--no-charts').status).toBe(0);
  });

  it('a history larger than the memory allows is refused with the limit and how to raise it', () => {
    // Sparse: 40 MB long, no disk used. In a heap of 256 MB the limit is a sixteenth of it.
    const file = join(cwd, 'long-history.csv');
    writeFileSync(file, '');
    truncateSync(file, 40 * 1024 * 1024);
    const r = spawnSync(process.execPath, [BIN, 'fit', 'long-history.csv'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' },
    });
    expectUserError(
      { status: r.status, stdout: r.stdout, stderr: r.stderr },
      /long-history\.csv: the file is 40 MB; the limit for this kind of file is 1\d MB \(reading a history takes about 16 times its size in memory, and this process may use 0\.\d GB: give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES/,
    );
  });

  it('shards larger than the memory allows are refused before they are parsed (a crafted one ended merge in a fatal out-of-memory)', () => {
    // [{},{},...]: each 3 bytes of text parse into about 67 bytes of heap. Sparse files of 6 and
    // 5 MB; in a heap of 256 MB (0.3 GB with the young generation) the shards may take about
    // 10 MB in all, so the second is refused.
    for (const [dir, size] of [['shard-a', 6], ['shard-b', 5]] as const) {
      const file = join(cwd, dir, 'sweep.json');
      mkdirSync(join(cwd, dir), { recursive: true });
      writeFileSync(file, '');
      truncateSync(file, size * 1024 * 1024);
    }
    const merge = (...dirs: string[]) => {
      const r = spawnSync(process.execPath, [BIN, 'merge', ...dirs, '--out', 'merged'], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' },
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    expectUserError(
      merge('shard-a', 'shard-b'),
      /shard-b\/sweep\.json: 5 MB \(6 MB read before it\) is more than this process can merge, \d+ MB of shards in all: merging takes about 32 times the shards' size in memory, and this process may use 0\.\d GB/,
    );
    // Alone, each is read (and found not to be JSON: a sparse file holds zero bytes).
    expectUserError(merge('shard-b'), /shard-b\/sweep\.json: not valid JSON/);
    expect(existsSync(join(cwd, 'merged'))).toBe(false);
  });

  it('too much work is refused before simulating, with the estimate and the limit', () => {
    writeFileSync(join(cwd, 'good.yaml'), GOOD);
    writeFileSync(join(cwd, 'flood.yaml'), GOOD.replace('per_hour: 60', 'per_hour: 1000000').replace('name: ok', 'name: flood\nhorizon: { days: 3000 }'));
    const before = readdirSync(cwd).sort();
    expectUserError(runCcsim(cwd, 'simulate', 'good.yaml', '--replications', '1000000000'), /1,000,000,000 replications asked for; the limit is 10,000/);
    expectUserError(runCcsim(cwd, 'simulate', 'flood.yaml'), /one replication would simulate about 72,000,000,000 contacts; the limit is 50,000,000 per replication/);
    expectUserError(
      runCcsim(cwd, 'sweep', 'good.yaml', '--vary', 'agent_groups[team].agents=1..1000:1', '--vary', 'contact_types[billing].fcr=0.001..1:0.001'),
      /about 1,440,000,000 contacts in 1,000,000 runs .* about 5\.7 hours on one core; the limit is 30 minutes: .*--allow-long/,
    );
    expectUserError(runCcsim(cwd, 'simulate', 'good.yaml', '--days', '1e6'), /--days: expected at most 3,660 days/);
    expect(readdirSync(cwd).sort()).toEqual(before); // no output/ folder
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });

  it('a result longer than a file can hold is refused before simulating (it was an internal error at the end)', () => {
    // 1,000 contact types over a week at 15 minutes: every interval's figures by type, 672,000
    // rows, some 2.3 GB of metrics.csv where V8 stops at 2^29 characters a string.
    const types = Array.from({ length: 1000 }, (_, i) => `  - id: t${i}\n    arrivals: { per_hour: 1 }\n    handle_time: { distribution: exponential, mean_seconds: 60 }\n`).join('');
    const skills = Array.from({ length: 1000 }, (_, i) => `t${i}: 1`).join(', ');
    writeFileSync(
      join(cwd, 'wide-week.yaml'),
      `name: wide\nhorizon: { start: 2026-01-05, days: 7, interval_minutes: 15 }\ncontact_types:\n${types}agent_groups:\n  - id: team\n    skills: { ${skills} }\n    agents: 50\n`,
    );
    const before = readdirSync(cwd).sort();
    const t0 = performance.now();
    expectUserError(
      runCcsim(cwd, 'simulate', 'wide-week.yaml'),
      /the result's metrics\.csv would take about 2,\d{3} MB \(672 reported intervals x \(1,000 contact types \+ 1 agent group\)\); the limit is 480 MB/,
    );
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(readdirSync(cwd).sort()).toEqual(before);
  });

  it('the estimate of metrics.csv is within a fifth of the file written', () => {
    // 30 types and 3 groups with long ids and a long name, a day at 15 minutes, 2 replications.
    const id = (i: number): string => `queue-with-a-rather-long-name-${i}`;
    const types = Array.from({ length: 30 }, (_, i) => `  - id: ${id(i)}\n    arrivals: { per_hour: 8 }\n    handle_time: { distribution: exponential, mean_seconds: 120 }\n    patience: { distribution: exponential, mean_seconds: 90 }\n`).join('');
    const groups = Array.from({ length: 3 }, (_, g) => `  - id: group-${g}\n    skills: { ${Array.from({ length: 30 }, (_, i) => `${id(i)}: 1`).join(', ')} }\n    agents: 4\n`).join('');
    const text = `name: A center with a name of some length\nhorizon: { start: 2026-01-05, days: 1, interval_minutes: 15 }\ncontact_types:\n${types}agent_groups:\n${groups}`;
    writeFileSync(join(cwd, 'estimate.yaml'), text);
    const r = runCcsim(cwd, 'simulate', 'estimate.yaml', '--replications', '2', '--out', 'estimate-run', '--no-charts', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const written = readFileSync(join(cwd, 'estimate-run', 'metrics.csv'), 'utf8').length;
    const estimate = estimatedMetricsCsvChars(compileModel(parseScenario(text, 'estimate.yaml').scenario));
    expect(estimate / written).toBeGreaterThan(0.8);
    expect(estimate / written).toBeLessThan(1.2);
  });
});

describe('files of very many problems', () => {
  it('50,000 unknown keys: answered in seconds, the message lists 50 and counts the rest', () => {
    // Each key was found by a scan of the mapping (twice: the YAML library's repeated-key check,
    // and placing each problem), which took minutes.
    const text = 'name: x\n' + Array.from({ length: 50_000 }, (_, i) => `unknown${i}: 1\n`).join('');
    const t0 = performance.now();
    const e = scenarioErrorOf(() => parseScenario(text, 'keys.yaml'));
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(e.problems.length).toBe(50_002); // every unknown key, and the two required lists
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('keys.yaml: 50,002 problems');
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines.at(-1)).toBe('  ... and 49,952 more');
    expect(e.problems.find((p) => p.path === 'unknown49999')).toMatchObject({ line: 50_001, column: 15 }); // at its value
  });

  it('20,000 contact types with the same mistakes: every problem placed and named by its id, in seconds', () => {
    const types = Array.from({ length: 20_000 }, (_, i) => `  - id: t${i}\n    arrivals: { per_hour: -1 }\n    handle_time: { distribution: exponential, mean_seconds: 60 }\n`).join('');
    const text = `name: x\ncontact_types:\n${types}agent_groups:\n  - id: g\n    skills: { t0: 1 }\n    agents: 1\n`;
    const t0 = performance.now();
    const e = scenarioErrorOf(() => parseScenario(text, 'types.yaml'));
    expect(performance.now() - t0).toBeLessThan(20_000);
    const perHour = e.problems.filter((p) => p.path.endsWith('.arrivals.per_hour'));
    expect(perHour).toHaveLength(20_000);
    expect(perHour[19_999]).toMatchObject({ path: 'contact_types[t19999].arrivals.per_hour', line: 4 + 3 * 19_999 });
  });

  it('repeated keys are found in block and flow mappings; a number and a text key differ', () => {
    const e = scenarioErrorOf(() => parseScenario('name: a\nseed: 1\nseed: 2\nx: {a: 1, a: 2}\ny:\n  1: a\n  "1": b\n', 'dup.yaml'));
    expect(e.problems).toEqual([
      { path: '', message: 'not valid YAML: Map keys must be unique', line: 3, column: 1 },
      { path: '', message: 'not valid YAML: Map keys must be unique', line: 4, column: 11 },
    ]);
  });

  it('a key of a megabyte gets no suggestion, at once', () => {
    const t0 = performance.now();
    // An explicit key (`? key`): an implicit one is limited to 1,024 characters by YAML itself.
    const e = scenarioErrorOf(() => parseScenario(`name: a\n? ${'k'.repeat(1_000_000)}\n: 1\n`, 'long-key.yaml'));
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(e.problems.some((p) => p.message.startsWith("unknown key 'kkk") && !p.message.includes('did you mean'))).toBe(true);
  });

  it('a name of 100,000 characters is shown by its ends and its length, not printed whole in every path', () => {
    const id = 'y'.repeat(100_000);
    writeFileSync(join(cwd, 'long-id.yaml'), GOOD.replace('- id: billing', `- id: ${id}\n    bogus: 1`));
    const r = runCcsim(cwd, 'validate', 'long-id.yaml');
    expectUserError(r, /unknown key 'bogus'/);
    // Three problems naming the id in their paths or messages: 600 KB of error before.
    expect(r.stderr.length).toBeLessThan(4_000);
    expect(r.stderr).toMatch(/contact_types\[y{100,}\.\.\.\(99\d{3} characters\)\.\.\.y{20,}\]\.bogus: unknown key 'bogus'/);
  });
});

describe('long single runs', () => {
  it('report progress within the run (simulated time, increasing), without changing the result', () => {
    const { scenario } = parseScenario(GOOD.replace('per_hour: 60', 'per_hour: 3000').replace('agents: 4', 'agents: 160'), 'busy.yaml');
    const seen: Array<[number, number, number]> = [];
    const result = simulate(scenario, { onProgress: (r, t, h) => void seen.push([r, t, h]) });
    expect(seen.length).toBeGreaterThanOrEqual(2); // ~72,000 contacts, several events each: every 65,536 events
    expect(seen.every(([r, , h]) => r === 0 && h === 86_400)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![1]).toBeGreaterThan(seen[i - 1]![1]);
    expect(result).toEqual(simulate(scenario));
  });
});

describe('silent wrong results', () => {
  it('numbers beyond the physical limits are refused with the limit (no null costs, no occupancy 109)', () => {
    const e = scenarioErrorOf(() => loadScenario(join(BAD, 'huge-numbers.yaml')));
    const byPath = Object.fromEntries(e.problems.map((p) => [p.path, p.message]));
    expect(byPath['contact_types[billing].arrivals.per_hour']).toBe('expected at most 1,000,000 contacts per hour, got 1e+308');
    expect(byPath['contact_types[billing].handle_time.mean_seconds']).toBe('expected at most 31,536,000 seconds (one year), got 1e+308');
    expect(byPath['contact_types[billing].handle_time.cv']).toBe('expected at most 100 (coefficient of variation), got 1e+308');
    expect(byPath['agent_groups[team].hourly_cost']).toBe('expected at most 1,000,000 per hour, got 1e+308');
  });

  it('the summariser refuses a figure that is not finite, naming it', () => {
    const { scenario } = parseScenario(GOOD, 'ok.yaml');
    const model = compileModel(scenario);
    const tally = runOne(model, 1, 0);
    tally.groupCost[0] = Infinity;
    let error: unknown;
    try {
      summarise(model, tally, 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonFiniteResultError);
    expect((error as NonFiniteResultError).path).toBe('totals.cost_total');
    expect((error as Error).message).toMatch(/the result's totals\.cost_total came out Infinity instead of a finite number/);
  });

  it('an overloaded center is called overloaded in the summary', () => {
    const { scenario } = parseScenario(GOOD.replace('per_hour: 60', 'per_hour: 4000').replace('agents: 4', 'agents: 20'), 'o.yaml');
    const result = simulate(scenario);
    // 4,000/h need about 200 agents (AHT 180 s): with 20, most stay waiting.
    expect(result.totals.waiting_at_end / result.totals.offered).toBeGreaterThan(0.1);
    expect(overloadWarning(result.totals)).toMatch(/^the center is overloaded: [\d,]+ of [\d,]+ offered contacts \(\d+%\) were still waiting/);
    expect(formatSummary(result, scenario)).toContain('WARNING: the center is overloaded');
    expect(overloadWarning(simulate(parseScenario(GOOD, 'g.yaml').scenario).totals)).toBeNull();
  });

  it('__proto__, constructor and prototype keys are unknown keys (file, --vary, variant path)', () => {
    const e = scenarioErrorOf(() => loadScenario(join(BAD, 'proto-key.yaml')));
    expect(e.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "contact_types[billing].arrivals.by_date.__proto__: unknown key '__proto__' (a reserved name, never a scenario key)",
      "agent_groups[team].__proto__: unknown key '__proto__' (a reserved name, never a scenario key)",
    ]);
    expect(() => parseScenario(GOOD.replace('agents: 4', 'agents: 4\n    constructor: 1'), 'c.yaml')).toThrow(/agent_groups\[team\]\.constructor: unknown key 'constructor'/);
    writeFileSync(join(cwd, 'good.yaml'), GOOD);
    expectUserError(runCcsim(cwd, 'sweep', 'good.yaml', '--vary', '__proto__.seed=1,2'), /--vary: unknown path '__proto__\.seed' \(unknown key '__proto__'/);
    expectUserError(runCcsim(cwd, 'sweep', 'good.yaml', '--vary', 'routing.prototype=1,2'), /unknown key 'prototype'/);
  });

  it('fit reads a European export (semicolons, decimal commas) right, and refuses a file it cannot read', () => {
    const rows = ['Datum;Intervall;Queue;Angeboten;Bearbeitet;Abgebrochen;AHT'];
    for (let d = 5; d <= 9; d++) {
      for (let h = 8; h < 18; h++) rows.push(`2026-01-0${d};${String(h).padStart(2, '0')}:00;billing;100;95;5;315,700`);
    }
    const text = rows.join('\n') + '\n';
    const maps = ['Datum=date', 'Intervall=interval', 'Angeboten=offered', 'Bearbeitet=handled', 'Abgebrochen=abandoned', 'AHT=aht'].map((m) => {
      const [column, field] = m.split('=') as [string, string];
      return { column, field };
    });
    const fit = fitHistory(text, 'eu.csv', { maps });
    expect(fit.history.problems).toEqual([]);
    expect(fit.types[0]!.handle_time.mean_seconds).toBeCloseTo(315.7, 6); // not 315700
    // Told the other way round, most rows are unreadable: refused, not fitted from the rest.
    expect(() => fitHistory(text.replace(/315,700/g, '313,1').replace(/;95;/g, ';9x;'), 'eu.csv', { maps })).toThrow(/eu\.csv: 50 of 50 rows|no usable rows/);
    const half = text.split('\n').map((l, i) => (i > 0 && i <= 30 ? l.replace(';95;', ';9?5;') : l)).join('\n');
    expect(() => fitHistory(half, 'eu.csv', { maps })).toThrow(/eu\.csv: 30 of 50 rows cannot be read .*check the column separator \(--delimiter\) and the decimal separator \(--decimal\)/);
    // handled + abandoned > offered is a broken row.
    const over = fitHistory(text.replace('2026-01-05;08:00;billing;100;95;5', '2026-01-05;08:00;billing;100;99;5'), 'eu.csv', { maps });
    expect(over.history.problems).toEqual([{ line: 2, kind: 'counts', message: 'handled (99) + abandoned (5) is more than offered (100)' }]);
  });
});

describe('what an error quotes from a file', () => {
  it('control characters are shown as escapes, never sent to the terminal', () => {
    // A header holding an escape sequence (clear screen) and a bell, as a hostile or binary file could.
    writeFileSync(join(cwd, 'escape.csv'), 'date,\u001b[2J\u0007calls\n2026-01-05,12\n');
    const r = runCcsim(cwd, 'fit', 'escape.csv');
    expectUserError(r, /escape\.csv: no column for offered .*\(columns: date, \\x1b\[2J\\x07calls\)/);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // The same for a scenario's problems: an id with an escape in it.
    writeFileSync(join(cwd, 'escape.yaml'), GOOD.replace('skills: { billing: 1 }', 'skills: { "bil\\u001bling": 1 }'));
    const s = runCcsim(cwd, 'simulate', 'escape.yaml', '--json');
    expectUserError(s, /bil\\x1bling/);
    expect(s.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('a header of 100,000 columns is listed by its first 20 and a count', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    writeFileSync(join(cwd, 'wide.csv'), `${header}\n`);
    const r = runCcsim(cwd, 'fit', 'wide.csv');
    expectUserError(r, /wide\.csv: no column for offered or date or interval \(columns: c0, c1, .*, c19, and 99,980 more\)/);
    expect(r.stderr.length).toBeLessThan(1000);
  });
});

describe('the library checks its arguments like the command line', () => {
  const { scenario } = parseScenario(GOOD, 'ok.yaml');
  function argumentErrorOf(f: () => unknown): ArgumentError {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ArgumentError);
      return e as ArgumentError;
    }
    throw new Error('expected an ArgumentError');
  }
  it.each([
    ['simulate({})', () => simulate({} as never), 'scenario.contact_types', 'required: at least one contact type'],
    ["seed: 'abc'", () => simulate(scenario, { seed: 'abc' as never }), 'options.seed', 'expected a whole number, got "abc"'],
    ['replications: -3', () => simulate(scenario, { replications: -3 }), 'options.replications', 'expected a whole number >= 1 and <= 10,000, got -3'],
    ['negative agents', () => simulate({ ...scenario, agent_groups: [{ ...scenario.agent_groups[0]!, staffing: { kind: 'constant', agents: -2 } }] }), 'scenario.agent_groups[team].agents', 'expected a whole number >= 0, got -2'],
    ['fcr: 2', () => simulate({ ...scenario, contact_types: [{ ...scenario.contact_types[0]!, fcr: 2 }] }), 'scenario.contact_types[billing].fcr', 'expected a share between 0 and 1, got 2'],
    ['unknown policy', () => simulate({ ...scenario, routing: { ...scenario.routing, policy: 'random' as never } }), 'scenario.routing.policy', 'expected one of round_robin, longest_idle or skill_based, got "random"'],
    ['contact_types: []', () => simulate({ ...scenario, contact_types: [] }), 'scenario.contact_types', 'got an empty list'],
    ['compile', () => compile({ ...scenario, seed: 1.5 }), 'scenario.seed', 'expected a whole number, got 1.5'],
    ['runReplication', () => runReplication({} as never, 1, 0), 'model', 'expected a model made by compile()'],
    ['staff', () => staff(scenario, { replications: 0 }), 'options.replications', 'expected a whole number >= 1'],
  ])('%s', (_name, f, path, message) => {
    const e = argumentErrorOf(f);
    expect(e.path).toBe(path);
    expect(e.problems.find((p) => p.path === path)?.message).toContain(message);
  });

  it('compare names the plan; a valid call gives the same numbers as the unchecked path', async () => {
    await expect(compare([{ name: 'a', scenario }, { name: 'b', scenario: { ...scenario, contact_types: 'x' } as never }])).rejects.toThrow(
      /plans\[1\]\.scenario\.contact_types: expected at least one contact type/,
    );
    const { simulate: unchecked } = await import('../../src/experiment/simulate.ts');
    expect(simulate(scenario, { replications: 2 })).toEqual(unchecked(scenario, { replications: 2 }));
    expect(runReplication(compile(scenario), 3, 1).grid).toEqual(runOne(compileModel(scenario), 3, 1).grid);
  });

  it('work beyond the limits is a WorkLimitError', () => {
    const flood = parseScenario(GOOD.replace('per_hour: 60', 'per_hour: 1000000').replace('name: ok', 'name: f\nhorizon: { days: 3000 }'), 'f.yaml').scenario;
    expect(() => simulate(flood)).toThrow(WorkLimitError);
    expect(() => simulate(flood)).toThrow(/one replication would simulate about 72,000,000,000 contacts; the limit is 50,000,000/);
  });
});


