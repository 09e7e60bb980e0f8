/**
 * A sweep document read back from disk (`ccsim merge`), checked before it is trusted (issue 15):
 * its shape against a schema (numbers where numbers belong, counts not negative, every total
 * present, rows inside the grid), and its content against the hash the sweep wrote into it, so
 * an edited shard is refused rather than merged into a plan.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { UserError } from '../errors.ts';
import type { SweepDocument } from './sweep.ts';

/** sha256 of the document as JSON, without its own `content_hash`. */
export function contentHash(doc: object): string {
  const { content_hash: _ignored, ...rest } = doc as Record<string, unknown>;
  void _ignored;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** The document with its content hash as the last key: what sweep.json holds. */
export function withContentHash(doc: SweepDocument): SweepDocument & { content_hash: string } {
  return { ...doc, content_hash: contentHash(doc) };
}

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const count = finite.refine((n) => n >= 0, 'expected a number >= 0');
const ratio = z.union([finite, z.null()]);
/** Figures that count or add up things, so are never negative. */
const NON_NEGATIVE = [
  'arrivals', 'contained', 'offered', 'answered', 'abandoned', 'transfers', 'cases', 'resolved_cases', 'lost_cases',
  'open_cases', 'cost_total', 'paid_hours', 'cost_agents', 'cost_self_service', 'cost_telephony', 'cost_contacts',
  'waiting_at_end', 'in_self_service_at_end',
] as const;
/** Per agent group: each group's figures, numbers >= 0 or null where undefined. */
const byGroup = z.record(z.string(), z.record(z.string(), z.union([count, z.null()])));
/** 95% half-widths: each a number >= 0, or null where undefined. */
const halfWidths = z.record(
  z.string(),
  z.union([count, z.null(), z.object({ mean: z.union([count, z.null()]), p50: z.union([count, z.null()]), p90: z.union([count, z.null()]) }), byGroup]),
);
/** The totals every sweep row has; other figures (added by later versions) are numbers or null. */
const metrics = z
  .looseObject({
    ...Object.fromEntries(NON_NEGATIVE.map((k) => [k, count])),
    ttr_hours: z.object({ mean: ratio, p50: ratio, p90: ratio }),
    by_group: byGroup.optional(),
  })
  .superRefine((m, ctx) => {
    for (const [k, v] of Object.entries(m)) {
      if (k === 'ttr_hours' || k === 'by_group' || (NON_NEGATIVE as readonly string[]).includes(k)) continue;
      if (!(v === null || (typeof v === 'number' && Number.isFinite(v)))) ctx.addIssue({ code: 'custom', path: [k], message: 'expected a finite number or null' });
    }
    const o = m as Record<string, unknown>;
    const offered = o['offered'];
    const answered = o['answered'];
    const abandoned = o['abandoned'];
    if (typeof offered === 'number' && typeof answered === 'number' && typeof abandoned === 'number' && answered + abandoned > offered * (1 + 1e-9) + 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['answered'], message: `answered + abandoned (${answered + abandoned}) is more than offered (${offered})` });
    }
  });
const integer = (min: number) => z.number().int().min(min);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hash (64 hex digits)');

const sweepFileSchema = z
  .object({
    scenario: z.string(),
    scenario_hash: hex64,
    seed: z.number().int(),
    days: z.union([finite.refine((n) => n > 0, 'expected a number > 0'), z.null()]),
    replications: integer(1),
    target_ci: z.union([z.array(z.object({ metric: z.string(), half_width: finite.refine((n) => n > 0, 'expected a number > 0') })), z.null()]),
    max_replications: z.union([integer(1), z.null()]),
    // A grid value may be null: `--vary PATH=null` removes the key at that point.
    grid: z.array(z.object({ path: z.string().min(1), values: z.array(z.union([finite, z.string(), z.null()])).min(1) })).min(1),
    points: integer(1),
    shard: z.object({ index: integer(1), count: integer(1) }).optional(),
    rows: z.array(
      z.object({
        index: integer(0),
        point: z.record(z.string(), z.union([finite, z.string(), z.null()])),
        replications: integer(1),
        totals: metrics,
        ci95: z.union([halfWidths, z.null()]),
      }),
    ),
    content_hash: hex64,
  })
  .superRefine((d, ctx) => {
    const size = d.grid.reduce((n, a) => n * a.values.length, 1);
    if (d.points !== size) ctx.addIssue({ code: 'custom', path: ['points'], message: `expected ${size} (the grid's size), got ${d.points}` });
    if (d.shard !== undefined && d.shard.index > d.shard.count) ctx.addIssue({ code: 'custom', path: ['shard', 'index'], message: `expected at most shard.count (${d.shard.count})` });
    d.rows.forEach((r, i) => {
      if (r.index >= d.points) ctx.addIssue({ code: 'custom', path: ['rows', i, 'index'], message: `expected a grid index below ${d.points}` });
    });
  });

function pathText(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** Checks a parsed sweep.json; throws UserError naming `source`, the field path and the problem. */
export function readSweepDocument(value: unknown, source: string): SweepDocument {
  const parsed = sweepFileSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${pathText(i.path) || '(top level)'}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? `; and ${parsed.error.issues.length - 5} more` : '';
    throw new UserError(`merge: ${source}: not a valid ccsim sweep output: ${issues.join('; ')}${more}`);
  }
  const stated = parsed.data.content_hash;
  if (contentHash(value as object) !== stated) {
    throw new UserError(
      `merge: ${source}: its content does not match its content_hash: the file was changed after ccsim wrote it; run that shard again rather than editing it`,
    );
  }
  const { content_hash: _h, ...doc } = value as Record<string, unknown>;
  void _h;
  return doc as unknown as SweepDocument;
}
