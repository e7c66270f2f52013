/** Injection tokens of the process-wide resources built before Nest starts. */
export const INFRASTRUCTURE = Symbol('ardoise.INFRASTRUCTURE');
export const LOGGER = Symbol('ardoise.LOGGER'); // pino Logger
/** `() => Promise<ProjectionHealth[]>`: the projections' lag, for /health. */
export const PROJECTION_HEALTH = Symbol('ardoise.PROJECTION_HEALTH');
export { DATABASE } from '#ardoise/database';
export { CLOCK } from '#ardoise/commands';
export { EVENT_STORE } from '#ardoise/event-store';
