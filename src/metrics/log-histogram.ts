/**
 * Many log-spaced histograms in one flat array, for quantiles in bounded memory.
 *
 * Bin 0 holds values below 1 s. Above that, each octave [2^e, 2^(e+1)) is split into 2^k
 * equal sub-bins, for `octaves` octaves (28 reach 8.5 years); larger values go into the last
 * bin. The bin is read straight off the value's IEEE-754 exponent and top mantissa bits, which
 * costs a few integer operations instead of a logarithm per resolved case. A bin's width is
 * between 2^-k and 2^-(k+1) of its value, so with linear interpolation inside the bin a
 * quantile's relative error is below 2^-k.
 */

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
/** Index of the word holding sign, exponent and the top 20 mantissa bits. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export class LogHistograms {
  readonly counts: Float64Array;
  readonly bins: number;
  /** 2^subBitsLog2. */
  private readonly subBins: number;

  constructor(
    readonly count: number,
    /** log2 of the sub-bins per octave (at most 20). */
    readonly subBitsLog2: number,
    readonly octaves = 28,
  ) {
    this.bins = 1 + (octaves << subBitsLog2);
    this.subBins = 1 << subBitsLog2;
    this.counts = new Float64Array(count * this.bins);
  }

  /** The bin of a duration, seconds. */
  binOf(seconds: number): number {
    if (!(seconds >= 1)) return 0;
    const k = this.subBitsLog2;
    const scaled = seconds * this.subBins;
    if (scaled < 2147483648) {
      // Below 2^31 / 2^k seconds (388 days at k = 6), the same bin from integer bits: scaled is
      // exact (seconds times a power of two), and its whole part starts with the same k + 1 bits
      // as the float's 1.mantissa, at bit e + k where e is the octave. No store and reload
      // through the scratch buffer: on W1 (10M resolved cases) 30-40 ms of a 1.7 s run.
      const whole = scaled | 0;
      const e = 31 - Math.clz32(whole) - k;
      const b = 1 + (e << k) + ((whole >>> e) & (this.subBins - 1));
      return b < this.bins ? b : this.bins - 1;
    }
    scratch[0] = seconds;
    const hi = words[HIGH]!;
    const b = 1 + ((((hi >>> 20) & 0x7ff) - 1023) << k) + ((hi >>> (20 - k)) & ((1 << k) - 1));
    return b < this.bins ? b : this.bins - 1;
  }

  add(h: number, seconds: number): void {
    this.counts[h * this.bins + this.binOf(seconds)]! += 1;
  }

  /** Add to histogram h the value whose bin in a finer histogram (more sub-bits) is `finerBin`. */
  addFinerBin(h: number, finerBin: number, finerSubBitsLog2: number): void {
    const b = finerBin === 0 ? 0 : 1 + ((finerBin - 1) >> (finerSubBitsLog2 - this.subBitsLog2));
    this.counts[h * this.bins + (b < this.bins ? b : this.bins - 1)]! += 1;
  }

  /** The q-quantile (0..1) of histogram h, seconds; null when it is empty. */
  quantile(h: number, q: number): number | null {
    return quantileOfBins(this.counts.subarray(h * this.bins, (h + 1) * this.bins), this.subBitsLog2, q);
  }
}

/** q-quantile of one histogram's bins (see LogHistograms), seconds; null when empty. */
export function quantileOfBins(bins: ArrayLike<number>, subBitsLog2: number, q: number): number | null {
  let total = 0;
  for (let i = 0; i < bins.length; i++) total += bins[i]!;
  if (total === 0) return null;
  const target = q * total;
  const sub = 1 << subBitsLog2;
  let acc = 0;
  for (let b = 0; b < bins.length; b++) {
    const c = bins[b]!;
    if (c > 0 && acc + c >= target) {
      const f = (target - acc) / c;
      if (b === 0) return f; // below one second: spread evenly over [0, 1)
      const e = (b - 1) >> subBitsLog2;
      const m = (b - 1) & (sub - 1);
      const lo = Math.pow(2, e) * (1 + m / sub);
      if (b === bins.length - 1) return lo; // overflow bin: its lower edge
      return lo + f * (Math.pow(2, e) / sub);
    }
    acc += c;
  }
  return null;
}
