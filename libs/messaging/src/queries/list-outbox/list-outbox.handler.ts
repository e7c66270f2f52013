import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import type { OutboxMailSummary, Page } from '#ardoise/contracts';
import { DATABASE, inOneSnapshot } from '#ardoise/database';
import { OUTBOX_TABLE } from '../../mail/outbox-mailer.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { ListOutbox } from './list-outbox.query.js';
import { toOutboxSummary } from './outbox-views.js';

@QueryHandler(ListOutbox)
export class ListOutboxHandler implements IQueryHandler<ListOutbox> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>) {}

  async execute(filter: ListOutbox): Promise<Page<OutboxMailSummary>> {
    // The page and the total of one moment (a snapshot): an e-mail sent meanwhile is in both or in neither.
    const [rows, count] = await inOneSnapshot(this.db, (db) => {
      let query = db.selectFrom(OUTBOX_TABLE);
      if (filter.to) query = query.where(sql`lower("to")`, '=', filter.to.trim().toLowerCase());
      if (filter.status) query = query.where('status', '=', filter.status);
      return Promise.all([
        query
          .select(['id', 'to', 'template', 'subject', 'status', 'attempts', 'family_id', 'created_at', 'sent_at'])
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
    });
    return { items: rows.map(toOutboxSummary), total: Number(count.total), page: filter.page, pageSize: filter.pageSize };
  }
}
