/**
 * Synthetic interval history drawn exactly from a known scenario-style model, for round trips:
 * day factor G ~ gamma(mean 1, cv), interval counts ~ Poisson(per_day x by_weekday x by_month x
 * by_date x G x hour share x interval/60); each contact waits an exponential "needed wait" (mean
 * varying by interval) and has exponential patience: it abandons if its patience runs out first.
 * Handled contacts get lognormal handle times. AHT and ASA are the interval means.
 */
import seedrandom from 'seedrandom';

export interface SyntheticQueue {
  name: string;
  per_day: number;
  /** 24 relative weights. */
  by_hour: number[];
  by_weekday: number[];
  by_month: number[];
  by_date: Record<string, number>;
  cv: number;
  aht_mean: number;
  aht_cv: number;
  patience_mean: number;
  /** Mean of the wait a contact would need before an agent is free (varies by interval around it). */
  wait_mean: number;
  agents?: number;
}

export interface SyntheticSpec {
  seed: string;
  /** First and last date, inclusive. */
  start: string;
  end: string;
  intervalMinutes: 15 | 30 | 60;
  queues: SyntheticQueue[];
  /** Write the asa column (default true). */
  asa?: boolean;
}

/** One day's expected total for a queue (no G): what the fit should recover, before normalization. */
export interface TruthDay {
  queue: string;
  date: string;
  weekday: number;
  month: number;
  expected: number;
  total: number;
}

const DAY_MS = 86_400_000;

export class Rng {
  private readonly next: () => number;
  private spare: number | null = null;
  constructor(seed: string) {
    this.next = seedrandom(seed);
  }
  uniform(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  /** Gamma with the given shape and scale (Marsaglia and Tsang). */
  gamma(shape: number, scale: number): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
    }
  }
  /** Poisson by sequential inversion, in chunks of mean <= 500 (exact). */
  poisson(mean: number): number {
    let n = 0;
    let rest = mean;
    while (rest > 0) {
      const m = Math.min(rest, 500);
      rest -= m;
      const u = this.uniform();
      let p = Math.exp(-m);
      let f = p;
      let x = 0;
      while (u > f && p > 0) {
        x++;
        p *= m / x;
        f += p;
      }
      n += x;
    }
    return n;
  }
  lognormal(mean: number, cv: number): number {
    const s2 = Math.log(1 + cv * cv);
    return mean * Math.exp(Math.sqrt(s2) * this.normal() - s2 / 2);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The CSV text and the true day totals. */
export function syntheticHistory(spec: SyntheticSpec): { csv: string; days: TruthDay[] } {
  const rng = new Rng(spec.seed);
  const withAsa = spec.asa ?? true;
  const withAgents = spec.queues.some((q) => q.agents !== undefined);
  const header = ['date', 'interval', 'queue', 'offered', 'handled', 'abandoned', 'aht', ...(withAsa ? ['asa'] : []), ...(withAgents ? ['agents'] : [])];
  const lines = [header.join(',')];
  const days: TruthDay[] = [];
  const startMs = Date.parse(`${spec.start}T00:00:00Z`);
  const endMs = Date.parse(`${spec.end}T00:00:00Z`);
  const L = spec.intervalMinutes;
  for (let ms = startMs; ms <= endMs; ms += DAY_MS) {
    const date = iso(ms);
    const weekday = (new Date(ms).getUTCDay() + 6) % 7;
    const month = new Date(ms).getUTCMonth();
    for (const q of spec.queues) {
      const weights = q.by_hour.reduce((s, x) => s + x, 0);
      const expected = q.per_day * q.by_weekday[weekday]! * q.by_month[month]! * (q.by_date[date] ?? 1);
      const g = q.cv > 0 ? rng.gamma(1 / (q.cv * q.cv), q.cv * q.cv) : 1;
      let total = 0;
      for (let minute = 0; minute < 1440; minute += L) {
        const share = (q.by_hour[Math.floor(minute / 60)]! / weights) * (L / 60);
        const offered = rng.poisson(expected * g * share);
        total += offered;
        const theta = 1 / q.patience_mean;
        const wait = q.wait_mean * (0.5 + rng.uniform());
        const pAbandon = (theta * wait) / (1 + theta * wait);
        let abandoned = 0;
        for (let i = 0; i < offered; i++) if (rng.uniform() < pAbandon) abandoned++;
        const handled = offered - abandoned;
        let aht = '';
        let asa = '';
        if (handled > 0) {
          let sum = 0;
          for (let i = 0; i < handled; i++) sum += rng.lognormal(q.aht_mean, q.aht_cv);
          aht = (sum / handled).toFixed(2);
          // Every contact's time in queue is exponential with rate theta + 1/wait, served or not.
          asa = (rng.gamma(handled, 1 / (theta + 1 / wait)) / handled).toFixed(3);
        }
        const row = [date, clock(minute), q.name, String(offered), String(handled), String(abandoned), aht];
        if (withAsa) row.push(asa);
        if (withAgents) row.push(String(q.agents ?? ''));
        lines.push(row.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
      }
      days.push({ queue: q.name, date, weekday, month, expected, total });
    }
  }
  return { csv: lines.join('\n') + '\n', days };
}
