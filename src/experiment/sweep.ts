/**
 * Sweeps: a scenario run at every point of a grid (`--vary PATH=FROM..TO:STEP`, repeatable; the
 * grid is the product of the axes, the first axis varying slowest), every point with the same
 * seed and replications, so neighbouring points differ by the change, not by noise.
 *
 * Sharding: `--shard i/n` runs the points k with k mod n = i − 1. A shard's output holds its
 * rows with their grid indices and the whole grid description; `mergeSweeps` checks that the
 * shards belong to one sweep and cover every point once, and gives exactly the document an
 * unsharded run gives (each point is a pure function of scenario, grid, seed and replications).
 */
import { createHash } from 'node:crypto';
import { ScenarioError, UserError } from '../errors.ts';
import type { Result } from '../metrics/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { aggregate } from '../metrics/aggregate.ts';
import { withOverrides } from './simulate.ts';
import type { SweepResult, SweepRow, SweepSummary } from './types.ts';
import { planFigures, type Period } from './plan-summary.ts';
import { replicateAll, withRunner, DEFAULT_MAX_REPLICATIONS, type ProgressSink, type Runner, type TargetCi, type TargetOutcome } from './replications.ts';
import { scenarioWithSettings, type RawScenario } from './variants.ts';
import type { Axis, Shard } from './specs.ts';

export type { Axis, Shard } from './specs.ts';

/** The sweep document: what `sweep.json` holds and `sweep --json` prints. */
export type SweepDocument = Required<Omit<SweepResult, 'shard' | 'summary'>> & Pick<SweepResult, 'shard' | 'summary'>;

/** Number of points of the grid. */
export function gridSize(axes: readonly Axis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/** Grid point k (0-based): the first axis varies slowest. */
export function gridPoint(axes: readonly Axis[], k: number): Record<string, number | string | null> {
  const point: Record<string, number | string | null> = {};
  let rest = k;
  const digits: number[] = [];
  for (let a = axes.length - 1; a >= 0; a--) {
    const n = axes[a]!.values.length;
    digits[a] = rest % n;
    rest = Math.floor(rest / n);
  }
  axes.forEach((axis, a) => {
    point[axis.path] = axis.values[digits[a]!]!;
  });
  return point;
}

/** The grid indices shard `shard` runs, ascending. */
export function shardIndices(points: number, shard: Shard | undefined): number[] {
  const out: number[] = [];
  for (let k = shard === undefined ? 0 : shard.index - 1; k < points; k += shard?.count ?? 1) out.push(k);
  return out;
}

/** A stable hash of a raw scenario value (object keys sorted), to recognise the same scenario. */
export function scenarioHash(raw: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) out[key] = canonical((v as Record<string, unknown>)[key]);
      return out;
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canonical(raw))).digest('hex');
}

function pointLabel(k: number, point: Record<string, number | string | null>): string {
  return `grid point ${k} (${Object.entries(point)
    .map(([p, v]) => `${p}=${v}`)
    .join(', ')})`;
}

export interface SweepOptions {
  /** The seed every point runs with; default the scenario's. */
  seed?: number | undefined;
  days?: number | undefined;
  replications?: number | undefined;
  targetCi?: readonly TargetCi[] | undefined;
  maxReplications?: number | undefined;
  shard?: Shard | undefined;
  jobs?: number | undefined;
  runner?: Runner | undefined;
  progress?: ProgressSink | undefined;
  /** The period of each point's cost and paid hours (default week). */
  period?: Period | undefined;
  /** Receives warnings about grid points (settings the base did not already warn about). */
  onWarning?: ((warning: string) => void) | undefined;
}

export interface SweepOutcome {
  document: SweepDocument;
  /** Per row, its replications' --target-ci outcome. */
  targets?: TargetOutcome[][];
}

/**
 * Checks every axis path against the base scenario: a path that does not exist, or names a key
 * the format does not have, is an error naming the --vary. Other problems are left to the
 * points (a value may be fine only in combination with another axis).
 */
function checkAxes(base: RawScenario, axes: readonly Axis[]): void {
  for (const axis of axes) {
    try {
      scenarioWithSettings(base, [{ path: axis.path, value: axis.values[0] }], `--vary ${axis.path}`);
    } catch (e) {
      if (e instanceof ScenarioError) continue;
      throw e;
    }
  }
}

/** Runs the sweep (or one shard of it). */
export async function sweep(base: RawScenario, axes: readonly Axis[], options: SweepOptions = {}): Promise<SweepOutcome> {
  if (axes.length === 0) throw new UserError('sweep: give at least one --vary PATH=FROM..TO:STEP');
  checkAxes(base, axes);
  const points = gridSize(axes);
  const seed = options.seed ?? base.scenario.seed;
  const indices = shardIndices(points, options.shard);
  const replications = Math.max(1, Math.floor(options.replications ?? 1));
  const targetCi = options.targetCi !== undefined && options.targetCi.length > 0 ? options.targetCi : undefined;
  const period = options.period ?? 'week';

  // Every point of this shard is validated before any runs (so a bad point fails at once), but
  // kept only while it runs: points are built lazily, a window at a time, so a large grid costs
  // memory for its rows, not for a scenario per point.
  const build = (k: number, warn: boolean): { k: number; point: Record<string, number | string | null>; scenario: Scenario } => {
    const point = gridPoint(axes, k);
    const loaded = scenarioWithSettings(
      base,
      axes.map((a) => ({ path: a.path, value: point[a.path] })),
      pointLabel(k, point),
    );
    if (warn) for (const w of loaded.warnings) options.onWarning?.(w);
    return { k, point, scenario: withOverrides(loaded.scenario, { seed, days: options.days }) };
  };
  for (const k of indices) build(k, true);

  const rows: SweepRow[] = [];
  const targetsByRow: TargetOutcome[][] = [];
  // The whole shard is announced at once, so the display does not reach 100% after each window.
  let progress = options.progress;
  if (progress !== undefined && targetCi === undefined) {
    const sink = progress;
    sink.planned(indices.length * replications);
    progress = { planned() {}, completed: (n) => sink.completed(n) };
  }
  await withRunner(options.jobs, options.runner, async (runner) => {
    const window = Math.max(8, 4 * runner.jobs);
    for (let start = 0; start < indices.length; start += window) {
      const points = indices.slice(start, start + window).map((k) => build(k, false));
      const replicated = await Promise.all(
        points.map((p) =>
          replicateAll(runner, [p.scenario], seed, {
            replications,
            targetCi,
            maxReplications: options.maxReplications,
            progress,
            intervals: false,
          }),
        ),
      );
      points.forEach((p, i) => {
        const results: Result[] = replicated[i]!.results[0]!;
        const mean = results.length === 1 ? results[0]! : aggregate(results);
        const row: SweepRow = { index: p.k, point: p.point, replications: results.length, totals: mean.totals, ci95: mean.ci95?.totals ?? null };
        if (mean.scorecard !== undefined) {
          row.scorecard = mean.scorecard;
          row.scorecard_ci95 = mean.ci95?.scorecard ?? null;
        }
        // Held to the point's own targets (a --vary may move them) and scaled by its own horizon.
        const f = planFigures(String(p.k), p.scenario, mean.totals, period, mean.scorecard);
        Object.assign(row, { fte: f.fte, paid_hours: f.paid_hours, cost_per_period: f.cost_per_period, meets_targets: f.meets_targets, missed: f.missed });
        rows.push(row);
        targetsByRow.push(replicated[i]!.targets ?? []);
      });
    }
  });
  const document = sweepDocument(
    {
      scenario: base.scenario.name,
      scenario_hash: scenarioHash(base.raw),
      seed,
      days: options.days ?? null,
      replications,
      target_ci: targetCi === undefined ? null : targetCi.map((t) => ({ metric: t.metric, half_width: t.halfWidth })),
      max_replications: targetCi === undefined ? null : Math.floor(options.maxReplications ?? DEFAULT_MAX_REPLICATIONS),
      grid: axes.map((a) => ({ path: a.path, values: [...a.values] })),
      points,
      period,
      currency: base.scenario.costs.currency ?? null,
    },
    rows,
    options.shard,
  );
  const outcome: SweepOutcome = { document };
  if (targetCi !== undefined) outcome.targets = targetsByRow;
  return outcome;
}

type Header = Omit<SweepDocument, 'rows' | 'shard' | 'summary'>;

/**
 * Which points meet every target and which of those costs least per period, from the rows'
 * own figures (so that merged shards give the summary an unsharded run gives). Ties in cost go
 * to the lower grid index.
 */
export function sweepSummary(h: Pick<Header, 'period' | 'currency'>, rows: readonly SweepRow[]): SweepSummary {
  const meeting = rows.filter((r) => r.meets_targets === true && r.cost_per_period !== undefined);
  let best: SweepRow | null = null;
  for (const r of meeting) if (best === null || r.cost_per_period! < best.cost_per_period!) best = r;
  return { meeting_targets: meeting.map((r) => r.index!), best: best?.index ?? null, period: h.period, currency: h.currency };
}

/** The document, keys always in this order (so that a merged sweep is byte-identical). */
function sweepDocument(h: Header, rows: readonly SweepRow[], shard: Shard | undefined): SweepDocument {
  return {
    scenario: h.scenario,
    scenario_hash: h.scenario_hash,
    seed: h.seed,
    days: h.days,
    replications: h.replications,
    target_ci: h.target_ci,
    max_replications: h.max_replications,
    grid: h.grid,
    points: h.points,
    period: h.period,
    currency: h.currency,
    ...(shard === undefined ? {} : { shard: { index: shard.index, count: shard.count } }),
    rows: rows.map((r) => ({
      index: r.index!,
      point: r.point,
      replications: r.replications!,
      totals: r.totals,
      ci95: r.ci95,
      ...(r.scorecard === undefined ? {} : { scorecard: r.scorecard, scorecard_ci95: r.scorecard_ci95 ?? null }),
      // Absent from shards written before the plan summary existed (merge keeps them as given).
      ...(r.meets_targets === undefined
        ? {}
        : { fte: r.fte!, paid_hours: r.paid_hours!, cost_per_period: r.cost_per_period!, meets_targets: r.meets_targets, missed: r.missed ?? [] }),
    })),
    // Over the whole grid only (a shard's rows are a slice of it), and only when every row
    // was held to its targets.
    ...(shard === undefined && rows.every((r) => r.meets_targets !== undefined) ? { summary: sweepSummary(h, rows) } : {}),
  };
}

function header(doc: SweepDocument): Header {
  const { rows: _rows, shard: _shard, summary: _summary, content_hash: _hash, ...h } = doc as SweepDocument & { content_hash?: string };
  void _rows;
  void _shard;
  void _summary;
  void _hash;
  return h;
}

/** Reads a sweep document from parsed JSON; throws UserError naming `source` if it is not one. */
export function asSweepDocument(value: unknown, source: string): SweepDocument {
  const fields = ['scenario', 'scenario_hash', 'seed', 'replications', 'grid', 'points', 'rows'];
  const bad = (why: string): UserError => new UserError(`${source}: not a ccsim sweep output (${why})`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('expected a JSON object');
  const v = value as Record<string, unknown>;
  for (const f of fields) if (!(f in v)) throw bad(`no '${f}'`);
  if (!Array.isArray(v['rows'])) throw bad("'rows' is not a list");
  for (const row of v['rows'] as unknown[]) {
    const index = (row as { index?: unknown } | null)?.index;
    if (typeof index !== 'number' || !Number.isSafeInteger(index)) throw bad('a row has no grid index');
  }
  return value as SweepDocument;
}

/**
 * Merges shard outputs into the document one unsharded run gives. Checks that all come from the
 * same sweep (same scenario, grid, seed, replications, days and targets) and that together they
 * hold every grid point exactly once.
 */
export function mergeSweeps(parts: ReadonlyArray<{ source: string; document: SweepDocument }>): SweepDocument {
  if (parts.length === 0) throw new UserError('merge: no sweep outputs given');
  const first = parts[0]!;
  const reference = JSON.stringify(header(first.document));
  for (const part of parts.slice(1)) {
    if (JSON.stringify(header(part.document)) !== reference) {
      const a = header(first.document) as unknown as Record<string, unknown>;
      const b = header(part.document) as unknown as Record<string, unknown>;
      const differing = Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      throw new UserError(
        `merge: ${part.source} is not from the same sweep as ${first.source} (they differ in ${differing.join(', ') || 'their settings'})`,
      );
    }
  }
  const points = first.document.points;
  const byIndex = new Map<number, { row: SweepRow; source: string }>();
  for (const part of parts) {
    for (const row of part.document.rows) {
      const k = row.index!;
      if (k < 0 || k >= points) throw new UserError(`merge: ${part.source} has grid point ${k}, but the grid has ${points} points (0..${points - 1})`);
      const seen = byIndex.get(k);
      if (seen !== undefined) throw new UserError(`merge: grid point ${k} is in both ${seen.source} and ${part.source} (give each shard once)`);
      byIndex.set(k, { row, source: part.source });
    }
  }
  if (byIndex.size !== points) {
    const missing: number[] = [];
    for (let k = 0; k < points && missing.length < 10; k++) if (!byIndex.has(k)) missing.push(k);
    const given = parts.map((p) => p.document.shard).filter((s): s is Shard => s !== undefined);
    const count = given[0]?.count;
    let hint = '';
    if (count !== undefined && given.every((s) => s.count === count)) {
      const have = new Set(given.map((s) => s.index));
      const absent: string[] = [];
      for (let i = 1; i <= count; i++) if (!have.has(i)) absent.push(`${i}/${count}`);
      if (absent.length > 0) hint = `; shards not given: ${absent.join(', ')}`;
    }
    throw new UserError(
      `merge: ${points - byIndex.size} of ${points} grid points are missing (first: ${missing.join(', ')})${hint}`,
    );
  }
  const rows = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v.row);
  return sweepDocument(header(first.document), rows, undefined);
}
