import { auditMigrations } from '#ardoise/audit';
import { commandsMigrations } from '#ardoise/commands';
import type { Migrations } from '#ardoise/database';
import { familiesMigrations } from '#ardoise/families';
import { identityMigrations } from '#ardoise/identity';
import { invoicingMigrations } from '#ardoise/invoicing';
import { messagingMigrations } from '#ardoise/messaging';
import { lagSamplesMigrations, projectionMigrations } from '#ardoise/projections';
import { jobRunsMigrations } from '#ardoise/runtime';

/** Every library's schema migrations (the event store's own are added by the runtime). */
export const ALL_MIGRATIONS: Migrations[] = [
  commandsMigrations,
  projectionMigrations,
  identityMigrations,
  messagingMigrations,
  auditMigrations,
  familiesMigrations,
  invoicingMigrations,
  jobRunsMigrations,
  lagSamplesMigrations,
];
