/**
 * The binned time-to-resolution distribution a Result carries (`ttr_histogram`), in the sparse
 * form of log-histogram.ts bins: replications pool by adding counts, and quantiles of the
 * pooled histogram are the pooled TTR quantiles.
 */
import type { SparseBins, TtrHistogram } from './types.ts';
import { quantileOfBins } from './log-histogram.ts';

/** The non-empty bins of a dense histogram. */
export function sparseOf(dense: ArrayLike<number>): SparseBins {
  const bins: number[] = [];
  const counts: number[] = [];
  for (let b = 0; b < dense.length; b++) {
    if (dense[b]! > 0) {
      bins.push(b);
      counts.push(dense[b]!);
    }
  }
  return { bins, counts };
}

/** The sum of several sparse histograms (bins in increasing order). */
export function addSparse(parts: readonly SparseBins[]): SparseBins {
  const acc = new Map<number, number>();
  for (const p of parts) for (let i = 0; i < p.bins.length; i++) acc.set(p.bins[i]!, (acc.get(p.bins[i]!) ?? 0) + p.counts[i]!);
  const bins = [...acc.keys()].sort((a, b) => a - b);
  return { bins, counts: bins.map((b) => acc.get(b)!) };
}

/** The q-quantile (0..1) of a sparse histogram, seconds; null when it is empty. */
export function quantileOfSparse(h: SparseBins, subBitsLog2: number, q: number): number | null {
  if (h.bins.length === 0) return null;
  const dense = new Float64Array(h.bins[h.bins.length - 1]! + 1);
  for (let i = 0; i < h.bins.length; i++) dense[h.bins[i]!] = h.counts[i]!;
  // quantileOfBins treats the last bin as the overflow bin; pad one empty bin so it is not.
  const padded = new Float64Array(dense.length + 1);
  padded.set(dense);
  return quantileOfBins(padded, subBitsLog2, q);
}

/** Lower and upper edge of bin b, seconds. */
export function binEdges(b: number, subBitsLog2: number): [number, number] {
  if (b === 0) return [0, 1];
  const sub = 1 << subBitsLog2;
  const e = (b - 1) >> subBitsLog2;
  const m = (b - 1) & (sub - 1);
  const lo = Math.pow(2, e) * (1 + m / sub);
  return [lo, lo + Math.pow(2, e) / sub];
}

/** Pool the TTR histograms of replications (null when none carries one). */
export function poolTtrHistograms(hs: ReadonlyArray<TtrHistogram | undefined>): TtrHistogram | null {
  const present = hs.filter((h): h is TtrHistogram => h !== undefined);
  if (present.length !== hs.length || present.length === 0) return null;
  const h0 = present[0]!;
  const by_type: Record<string, SparseBins> = {};
  for (const id of Object.keys(h0.by_type)) by_type[id] = addSparse(present.map((h) => h.by_type[id] ?? { bins: [], counts: [] }));
  const intervals = Math.min(...present.map((h) => h.by_interval.length));
  const by_interval: SparseBins[] = [];
  for (let i = 0; i < intervals; i++) by_interval.push(addSparse(present.map((h) => h.by_interval[i]!)));
  return {
    sub_bits_log2: h0.sub_bits_log2,
    totals: addSparse(present.map((h) => h.totals)),
    by_type,
    interval_sub_bits_log2: h0.interval_sub_bits_log2,
    by_interval,
  };
}

export interface TtrBin {
  from_hours: number;
  to_hours: number;
  /** Resolved cases per replication in the bin. */
  count: number;
}

/**
 * The distribution in `perOctave` bins per doubling (coarser than stored, for a chart or a
 * table), counts divided by `replications`.
 */
export function ttrBins(h: SparseBins, subBitsLog2: number, replications = 1, perOctave = 4): TtrBin[] {
  const k = Math.max(0, Math.min(subBitsLog2, Math.round(Math.log2(perOctave))));
  const shift = subBitsLog2 - k;
  const acc = new Map<number, number>();
  for (let i = 0; i < h.bins.length; i++) {
    const b = h.bins[i]!;
    const coarse = b === 0 ? 0 : 1 + ((b - 1) >> shift);
    acc.set(coarse, (acc.get(coarse) ?? 0) + h.counts[i]!);
  }
  return [...acc.keys()]
    .sort((a, b) => a - b)
    .map((b) => {
      const [lo, hi] = binEdges(b, k);
      return { from_hours: lo / 3600, to_hours: hi / 3600, count: acc.get(b)! / replications };
    });
}
