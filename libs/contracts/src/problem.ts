/** RFC 9457 problem details as Ardoise sends them (application/problem+json). */
export interface ProblemDetails {
  /** Stable URI, e.g. `https://ardoise.fr/problems/request.invalid`. */
  type: string;
  /** French, for people. */
  title: string;
  status: number;
  /** Stable machine code, e.g. `RESERVATION.DEADLINE_PASSED`. */
  code: string;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}
