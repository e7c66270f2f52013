import type { Migrations } from '#ardoise/database';
import { eventOutboxMigrations } from './event-outbox.js';
import { idempotencyMigrations } from './idempotency-store.js';

/** The command pipeline's own tables: stored answers by Idempotency-Key, the event outbox. */
export const commandsMigrations: Migrations = { ...idempotencyMigrations, ...eventOutboxMigrations };
