export type GenerationStatus = 'building' | 'active' | 'retired';

/** One physical incarnation of a projection's read model (a row of projection_generations). */
export interface Generation {
  projection: string;
  generation: number;
  /** The projector version that wrote it. */
  version: number;
  status: GenerationStatus;
  /** Logical tables it holds (physically `<table>__g<generation>`). */
  tables: string[];
  /** Encoded store position of the last applied event; null before the first. */
  position: string | null;
  eventsApplied: number;
  startedAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
}
