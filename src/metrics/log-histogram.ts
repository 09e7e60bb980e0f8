/**
 * Many log-spaced histograms in one flat array, for quantiles in bounded memory.
 *
 * Bin 0 holds values below 1 s; bin b >= 1 holds [10^((b-1)/k), 10^(b/k)) seconds for k bins per
 * decade, up to 10^decades s; larger values go into the last bin. Quantiles interpolate
 * geometrically inside a bin, so their relative error is below 10^(1/k) - 1.
 */
export class LogHistograms {
  readonly counts: Float64Array;
  readonly bins: number;

  constructor(
    readonly count: number,
    readonly binsPerDecade: number,
    readonly decades = 8,
  ) {
    this.bins = binsPerDecade * decades + 1;
    this.counts = new Float64Array(count * this.bins);
  }

  /** The bin of a value, seconds. */
  binOf(seconds: number): number {
    return seconds >= 1 ? Math.min(this.bins - 1, 1 + Math.floor(Math.log10(seconds) * this.binsPerDecade)) : 0;
  }

  add(h: number, seconds: number): void {
    this.counts[h * this.bins + this.binOf(seconds)]! += 1;
  }

  /** Add to histogram h by the bin of a finer histogram whose bins per decade are a multiple of ours. */
  addFinerBin(h: number, finerBin: number, finerBinsPerDecade: number): void {
    const b = finerBin === 0 ? 0 : 1 + Math.floor((finerBin - 1) / (finerBinsPerDecade / this.binsPerDecade));
    this.counts[h * this.bins + Math.min(this.bins - 1, b)]! += 1;
  }

  /** The q-quantile (0..1) of histogram h, seconds; null when it is empty. */
  quantile(h: number, q: number): number | null {
    return quantileOfBins(this.counts.subarray(h * this.bins, (h + 1) * this.bins), this.binsPerDecade, q);
  }
}

/** q-quantile of one histogram's bins (see LogHistograms); null when empty. */
export function quantileOfBins(bins: ArrayLike<number>, binsPerDecade: number, q: number): number | null {
  let total = 0;
  for (let i = 0; i < bins.length; i++) total += bins[i]!;
  if (total === 0) return null;
  const target = q * total;
  let acc = 0;
  for (let b = 0; b < bins.length; b++) {
    const c = bins[b]!;
    if (c > 0 && acc + c >= target) {
      const f = (target - acc) / c;
      if (b === 0) return f; // below one second: linear in [0, 1)
      const lo = Math.pow(10, (b - 1) / binsPerDecade);
      const hi = Math.pow(10, b / binsPerDecade);
      return lo * Math.pow(hi / lo, f);
    }
    acc += c;
  }
  return Math.pow(10, (bins.length - 1) / binsPerDecade);
}
