import { sql, type Kysely } from 'kysely';
import { foldEach, RowSet, type Projector, type Row } from '#ardoise/projections';
import { NEWS_PUBLISHED, NEWS_WITHDRAWN, type NewsPublished, type NewsWithdrawn } from '../domain/news-events.js';

export const NEWS_TABLE = 'messaging_news';
const NEWS_PROJECTION = 'messaging-news';

/** "Mes actualités": every news item with its audience and publication period. */
export const newsProjector: Projector = {
  name: NEWS_PROJECTION,
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
      },
      async indexes(db: Kysely<any>, table: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${table}_visible_idx`)} ON ${sql.table(table)} (visible_from DESC) WHERE withdrawn_at IS NULL`.execute(
          db,
        );
      },
    },
  ],
  async applyBatch(events, trx, tables, context) {
    const news = new RowSet(trx, { table: tables[NEWS_TABLE]!, key: ['id'], defaults: NEWS_DEFAULTS }, context);
    await news.load(events.map((e) => ({ id: (e.data as { newsId: string }).newsId })));
    foldEach(NEWS_PROJECTION, events, (event) => {
      if (event.type === NEWS_PUBLISHED) {
        const published = event.data as NewsPublished['data'];
        const item = { id: published.newsId };
        if (news.get(item)) return; // a replay: the item stays as first written
        const audience = published.audience;
        news.upsert(item, {
          kind: published.kind,
          title: published.title,
          body: published.body,
          audience_scope: audience.scope,
          audience_value: audience.scope === 'school' ? audience.school : audience.scope === 'service' ? audience.serviceCode : null,
          visible_from: published.visibleFrom,
          visible_until: published.visibleUntil,
          week: published.week,
          published_at: event.metadata.occurredAt,
        });
      } else if (event.type === NEWS_WITHDRAWN) {
        const { newsId } = event.data as NewsWithdrawn['data'];
        news.update({ id: newsId }, { withdrawn_at: event.metadata.occurredAt });
      }
    });
    await news.flush();
  },
};

const NEWS_DEFAULTS: Row = {
  kind: null,
  title: null,
  body: null,
  audience_scope: null,
  audience_value: null,
  visible_from: null,
  visible_until: null,
  week: null,
  published_at: null,
  withdrawn_at: null,
};
