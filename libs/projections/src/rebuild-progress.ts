export type RebuildPhase = 'replaying' | 'indexing' | 'switching' | 'done';

export interface RebuildProgress {
  projection: string;
  generation: number;
  phase: RebuildPhase;
  /** Events applied to the new generation so far (including before a resumed crash). */
  eventsApplied: number;
  /** Over this run. */
  eventsPerSecond: number;
  /**
   * Estimated events the new generation will hold: the live generation's count (it has
   * applied the same log), or null when there is none. Not exact: live events keep coming,
   * and a new version may filter differently.
   */
  estimatedTotal: number | null;
  elapsedMs: number;
  /**
   * Time spent in this projection's own batches (its transactions: load, fold, write,
   * checkpoint) over this run: with projections rebuilt side by side on one read of the
   * log, `eventsApplied / applyingMs` is the projection's own pace, `elapsedMs` the shared one.
   */
  applyingMs: number;
}

export type RebuildProgressListener = (progress: RebuildProgress) => void;

/** Measures a rebuild's pace for the progress listener. */
export class ProgressMeter {
  private readonly startedAt = Date.now();
  private appliedThisRun = 0;
  private applyingMs = 0;

  constructor(
    private readonly projection: string,
    private readonly generation: number,
    private appliedBefore: number,
    private readonly estimate: number | null,
    private readonly listener: RebuildProgressListener | undefined,
  ) {}

  /** `count` events applied in `applyingMs` of this projection's own work. */
  add(count: number, phase: RebuildPhase, applyingMs = 0): void {
    this.appliedThisRun += count;
    this.applyingMs += applyingMs;
    this.report(phase);
  }

  report(phase: RebuildPhase): void {
    if (!this.listener) return;
    const elapsedMs = Date.now() - this.startedAt;
    const eventsApplied = this.appliedBefore + this.appliedThisRun;
    this.listener({
      projection: this.projection,
      generation: this.generation,
      phase,
      eventsApplied,
      eventsPerSecond: elapsedMs > 0 ? Math.round((this.appliedThisRun * 1000) / elapsedMs) : 0,
      estimatedTotal: this.estimate === null ? null : Math.max(this.estimate, eventsApplied),
      elapsedMs,
      applyingMs: Math.round(this.applyingMs),
    });
  }
}
