import type { Kysely } from 'kysely';
import type { RequestSummaryView, RequestThreadView } from '#ardoise/contracts';
import { ERASED_TEXT } from '../../privacy/family-personal-data.js';
import { requestNotFound } from '../domain/request.decider.js';
import { REQUEST_ATTACHMENTS_TABLE, REQUEST_MESSAGES_TABLE, REQUESTS_TABLE } from '../projections/requests.projector.js';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

const toSummary = (row: Record<string, any>): RequestSummaryView => ({
  id: row.id,
  familyId: row.family_id,
  topic: row.topic,
  subject: row.erased ? ERASED_TEXT : row.subject,
  status: row.status,
  openedBy: row.opened_by,
  openedAt: iso(row.opened_at)!,
  lastActivityAt: iso(row.last_activity_at)!,
  lastAuthor: row.last_author,
  closedAt: iso(row.closed_at),
  erased: row.erased === true,
});

/** Reads "Mes demandes" from the read model; callers have checked who may read which family. */
export class RequestQueries {
  constructor(private readonly db: Kysely<any>) {}

  async list(filter: { familyId?: string; status?: 'open' | 'closed' }): Promise<RequestSummaryView[]> {
    let query = this.db.selectFrom(REQUESTS_TABLE).selectAll();
    if (filter.familyId) query = query.where('family_id', '=', filter.familyId);
    if (filter.status) query = query.where('status', '=', filter.status);
    const rows = await query.orderBy('last_activity_at', 'desc').orderBy('id').limit(500).execute();
    return rows.map(toSummary);
  }

  /**
   * The thread, or 404 when it does not exist or belongs to another family than `familyId`
   * (when given); `downloads: false` (a reader who may not download files) leaves out the links.
   */
  async thread(requestId: string, familyId?: string, options: { downloads: boolean } = { downloads: true }): Promise<RequestThreadView> {
    const row = await this.db.selectFrom(REQUESTS_TABLE).selectAll().where('id', '=', requestId).executeTakeFirst();
    if (!row || (familyId !== undefined && row.family_id !== familyId)) throw requestNotFound();
    const [messages, attachments] = await Promise.all([
      this.db.selectFrom(REQUEST_MESSAGES_TABLE).selectAll().where('request_id', '=', requestId).orderBy('position').execute(),
      this.db.selectFrom(REQUEST_ATTACHMENTS_TABLE).selectAll().where('request_id', '=', requestId).orderBy('position').execute(),
    ]);
    return {
      ...toSummary(row),
      messages: messages.map((m) => ({
        id: m.id,
        author: m.author,
        body: m.erased ? ERASED_TEXT : m.body,
        postedAt: iso(m.posted_at)!,
        erased: m.erased === true,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        author: a.author,
        fileName: a.erased ? ERASED_TEXT : a.file_name,
        mediaType: a.media_type,
        size: a.size,
        sha256: a.sha256,
        addedAt: iso(a.added_at)!,
        downloadPath: a.erased || !options.downloads ? null : `/requests/${requestId}/attachments/${a.id}`,
        erased: a.erased === true,
      })),
    };
  }
}
