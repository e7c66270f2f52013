/** GET /api/v1/health — shared by the API and the portal. */
export type HealthStatus = 'ok' | 'degraded' | 'down';

export interface ProjectionHealth {
  name: string;
  /** Events recorded in the store that this projection has not applied yet. */
  lagEvents: number;
  /** Age of the oldest event not yet applied, 0 when caught up. */
  lagSeconds: number;
  /** Last time the active runner reported in (ISO-8601), null if none ran yet. */
  heartbeatAt: string | null;
  status: HealthStatus;
  /** Position (encoded) of the last event the active generation applied; null before the first. */
  position?: string | null;
  /**
   * Why the projection is stalled, while it is: the error (name, message, SQLSTATE) and the
   * event it fails on, named by id, type, stream and position — never its data.
   */
  error?: ProjectionError | null;
}

export interface ProjectionError {
  message: string;
  at: string;
  event: { id: string; type: string; streamId: string; position: string } | null;
}

export interface HealthReport {
  status: HealthStatus;
  version: string;
  /** ISO-8601 server time. */
  time: string;
  checks: {
    database: { status: HealthStatus; detail?: string };
    eventStore: { status: HealthStatus; adapter: 'postgresql' | 'eventstoredb'; detail?: string };
  };
  projections: ProjectionHealth[];
}
