import { effortScore, type EffortModel } from '../model/effort.ts';
import { F, type Tally } from '../metrics/tally.ts';
import type { IntervalBooks } from './interval-books.ts';
import { CasePool } from './pools.ts';

/**
 * How cases end: resolved (time to resolution, counted by the case's first contact), lost
 * (abandoned or turned away with nothing to follow), or still open when the run stops; each
 * scored for customer effort. Cases count in the interval of their first contact, and not at
 * all when that was in the warm-up.
 */
export class CaseOutcomes {
  readonly pool = new CasePool(1024);
  /** The books' grid and TTR histograms, held directly: every resolved case writes to them. */
  private readonly grid: Float64Array;
  private readonly ttrByType: Tally['ttrByType'];
  private readonly ttrByInterval: Tally['ttrByInterval'];

  constructor(
    private readonly books: IntervalBooks,
    private readonly effort: EffortModel,
  ) {
    this.grid = books.grid;
    this.ttrByType = books.tally.ttrByType;
    this.ttrByInterval = books.tally.ttrByInterval;
  }

  /** A first contact of type j opens a case at `now`, in interval iv (-1: not counted). */
  open(j: number, now: number, iv: number): number {
    const k = this.pool.open(j, now, iv);
    if (iv >= 0) this.books.add(F.cases, iv, j, 1);
    return k;
  }

  resolve(k: number, now: number): void {
    const cases = this.pool;
    const kIv = cases.iv[k]!;
    if (kIv >= 0) {
      const j = cases.type[k]!;
      const ttr = now - cases.opened[k]!;
      const grid = this.grid;
      const row = this.books.rowOf(kIv, j);
      grid[row + F.casesResolved]! += 1;
      grid[row + F.ttrSum]! += ttr;
      const fine = this.ttrByType;
      const bin = fine.binOf(ttr);
      fine.counts[j * fine.bins + bin]! += 1;
      this.ttrByInterval.addFinerBin(kIv, bin, fine.subBitsLog2);
      this.scoreAt(k, row, F.effortSum);
    }
    cases.free(k);
  }

  /** Case k ends unresolved (its last contact abandoned or was turned away, and none follows). */
  lose(k: number): void {
    const cases = this.pool;
    const kIv = cases.iv[k]!;
    if (kIv >= 0) {
      this.books.add(F.casesLost, kIv, cases.type[k]!, 1);
      cases.points[k]! += this.effort.unresolved;
      this.score(k, F.effortSum);
    }
    cases.free(k);
  }

  /** The run stops: count the cases still open, with their effort so far (unresolved included). */
  countOpen(): void {
    const cases = this.pool;
    for (let k = 0; k < cases.capacity; k++) {
      if (cases.live[k] && cases.iv[k]! >= 0) {
        this.books.add(F.casesOpenAtEnd, cases.iv[k]!, cases.type[k]!, 1);
        cases.points[k]! += this.effort.unresolved;
        this.score(k, F.effortOpenSum);
      }
    }
  }

  /**
   * Add case k's effort score to `field` (the sum over ended cases, or over cases open at the
   * end) in the row of its first contact; an ended case at or above the threshold is "high".
   */
  private score(k: number, field: number): void {
    this.scoreAt(k, this.books.rowOf(this.pool.iv[k]!, this.pool.type[k]!), field);
  }

  /** `score`, with case k's row in the grid already worked out. */
  private scoreAt(k: number, row: number, field: number): void {
    const cases = this.pool;
    const e = this.effort;
    const score = effortScore(e, cases.points[k]!, cases.waitSeconds[k]!);
    this.grid[row + field]! += score;
    if (field === F.effortSum && score >= e.highThreshold) this.grid[row + F.casesHighEffort]! += 1;
  }
}
