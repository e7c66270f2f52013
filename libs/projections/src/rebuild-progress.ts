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
}

export type RebuildProgressListener = (progress: RebuildProgress) => void;

/** Measures a rebuild's pace for the progress listener. */
export class ProgressMeter {
  private readonly startedAt = Date.now();
  private appliedThisRun = 0;

  constructor(
    private readonly projection: string,
    private readonly generation: number,
    private appliedBefore: number,
    private readonly estimate: number | null,
    private readonly listener: RebuildProgressListener | undefined,
  ) {}

  add(count: number, phase: RebuildPhase): void {
    this.appliedThisRun += count;
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
    });
  }
}
