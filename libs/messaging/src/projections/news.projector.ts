import { sql, type Kysely } from 'kysely';
import type { Projector } from '#ardoise/projections';
import { NEWS_PUBLISHED, NEWS_WITHDRAWN, type NewsPublished, type NewsWithdrawn } from '../domain/news-events.js';

export const NEWS_TABLE = 'messaging_news';

/** "Mes actualités": every news item with its audience and publication period. */
export const newsProjector: Projector = {
  name: 'messaging-news',
  version: 1,
  filter: { eventTypes: [NEWS_PUBLISHED, NEWS_WITHDRAWN] },
  tables: [
    {
      name: NEWS_TABLE,
      async create(db: Kysely<any>, table: string) {
        await sql`
          CREATE TABLE ${sql.table(table)} (
            id              uuid PRIMARY KEY,
            kind            text NOT NULL,
            title           text NOT NULL,
            body            text NOT NULL,
            audience_scope  text NOT NULL,
            audience_value  text,
            visible_from    timestamptz NOT NULL,
            visible_until   timestamptz,
            week            date,
            published_at    timestamptz NOT NULL,
            withdrawn_at    timestamptz
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${table}_visible_idx`)} ON ${sql.table(table)} (visible_from DESC) WHERE withdrawn_at IS NULL`.execute(db);
      },
    },
  ],
  async apply(event, trx, tables) {
    const table = tables[NEWS_TABLE]!;
    if (event.type === NEWS_PUBLISHED) {
      const news = event.data as NewsPublished['data'];
      const audience = news.audience;
      await trx
        .insertInto(table)
        .values({
          id: news.newsId,
          kind: news.kind,
          title: news.title,
          body: news.body,
          audience_scope: audience.scope,
          audience_value: audience.scope === 'school' ? audience.school : audience.scope === 'service' ? audience.serviceCode : null,
          visible_from: news.visibleFrom,
          visible_until: news.visibleUntil,
          week: news.week,
          published_at: event.metadata.occurredAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    } else if (event.type === NEWS_WITHDRAWN) {
      const { newsId } = event.data as NewsWithdrawn['data'];
      await trx.updateTable(table).set({ withdrawn_at: event.metadata.occurredAt }).where('id', '=', newsId).execute();
    }
  },
};
