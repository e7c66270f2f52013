import type { Selectable } from 'kysely';
import type { RequestSummaryView } from '#ardoise/contracts';
import { ERASED_TEXT } from '../../privacy/family-personal-data.js';
import { iso, type RequestsTable } from '../../projections/messaging-database.js';

/** A thread as listed; a forgotten family's subject reads « Contenu effacé (RGPD) ». */
export const toRequestSummary = (row: Selectable<RequestsTable>): RequestSummaryView => ({
  id: row.id,
  familyId: row.family_id,
  topic: row.topic,
  subject: row.erased ? ERASED_TEXT : row.subject!,
  status: row.status,
  openedBy: row.opened_by,
  openedAt: iso(row.opened_at)!,
  lastActivityAt: iso(row.last_activity_at)!,
  lastAuthor: row.last_author,
  closedAt: iso(row.closed_at),
  erased: row.erased === true,
});
