import { HttpErrorResponse } from '@angular/common/http';
import type { HealthReport, HealthStatus } from '@ardoise/contracts';

/** What the status panel shows: the API's report, or why there is none. */
export type HealthView =
  | { kind: 'checking' }
  | { kind: 'report'; report: HealthReport }
  | { kind: 'unreachable' };

/**
 * The API answers 503 with the same HealthReport body when it is down or degraded
 * badly enough for a load balancer to take it out; that body is still worth showing.
 */
export function toHealthView(value: HealthReport | undefined, error: Error | undefined): HealthView {
  if (value) return { kind: 'report', report: value };
  if (error) {
    const body = error instanceof HttpErrorResponse ? (error.error as unknown) : undefined;
    return isHealthReport(body) ? { kind: 'report', report: body } : { kind: 'unreachable' };
  }
  return { kind: 'checking' };
}

const statuses: readonly HealthStatus[] = ['ok', 'degraded', 'down'];

export function isHealthReport(body: unknown): body is HealthReport {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<HealthReport>;
  return (
    statuses.includes(candidate.status as HealthStatus) &&
    typeof candidate.checks === 'object' &&
    candidate.checks !== null &&
    Array.isArray(candidate.projections)
  );
}

/** Visual tone and the symbol shown beside the words (never colour alone). */
export const statusSymbol: Record<HealthStatus, string> = { ok: '✓', degraded: '!', down: '✕' };
