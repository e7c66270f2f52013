import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { RequestThreadView } from '#ardoise/contracts';
import { currentContext } from '#ardoise/commands';
import { DATABASE, inOneSnapshot } from '#ardoise/database';
import { mayDownloadAttachments } from '../../attachments/attachment-rules.js';
import { requestNotFound } from '../../domain/request.decider.js';
import { ERASED_TEXT } from '../../privacy/family-personal-data.js';
import { REQUEST_ATTACHMENTS_TABLE, REQUEST_MESSAGES_TABLE, REQUESTS_TABLE } from '../../projections/erase-family-requests.js';
import { iso, type MessagingDatabase } from '../../projections/messaging-database.js';
import { ownFamily } from '../../threads/thread-access.js';
import { toRequestSummary } from '../list-requests/request-views.js';
import { GetRequestThread } from './get-request-thread.query.js';

@QueryHandler(GetRequestThread)
export class GetRequestThreadHandler implements IQueryHandler<GetRequestThread> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>) {}

  /**
   * The thread, or 404 when it does not exist or belongs to another family than a parent's own;
   * a reader who may not download files (the auditor) gets no links.
   */
  async execute({ requestId }: GetRequestThread): Promise<RequestThreadView> {
    const familyId = ownFamily();
    const downloads = mayDownloadAttachments(currentContext().actor.role);
    const { row, messages, attachments } = await inOneSnapshot(this.db, async (trx) => {
      const row = await trx.selectFrom(REQUESTS_TABLE).selectAll().where('id', '=', requestId).executeTakeFirst();
      if (!row || (familyId !== undefined && row.family_id !== familyId)) throw requestNotFound();
      const messages = await trx.selectFrom(REQUEST_MESSAGES_TABLE).selectAll().where('request_id', '=', requestId).orderBy('position').execute();
      const attachments = await trx.selectFrom(REQUEST_ATTACHMENTS_TABLE).selectAll().where('request_id', '=', requestId).orderBy('position').execute();
      return { row, messages, attachments };
    });
    return {
      ...toRequestSummary(row),
      messages: messages.map((m) => ({
        id: m.id,
        author: m.author,
        body: m.erased ? ERASED_TEXT : m.body!,
        postedAt: iso(m.posted_at)!,
        erased: m.erased === true,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        author: a.author,
        fileName: a.erased ? ERASED_TEXT : a.file_name!,
        mediaType: a.media_type,
        size: a.size,
        sha256: a.sha256,
        addedAt: iso(a.added_at)!,
        downloadPath: a.erased || !downloads ? null : `/requests/${requestId}/attachments/${a.id}`,
        erased: a.erased === true,
      })),
    };
  }
}
