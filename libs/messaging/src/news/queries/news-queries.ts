import { sql, type Kysely } from 'kysely';
import type { NewsListView, NewsView } from '#ardoise/contracts';
import { newsNotFound } from '../domain/news.decider.js';
import { NEWS_TABLE } from '../projections/news.projector.js';
import type { FamilyAudience } from './family-audience.js';

export const NEWS_READS_TABLE = 'news_reads';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function toView(row: Record<string, any>, now: Date, read: boolean): NewsView {
  const from = new Date(row.visible_from);
  const until = row.visible_until ? new Date(row.visible_until) : null;
  const status = row.withdrawn_at ? 'withdrawn' : from > now ? 'scheduled' : until && until <= now ? 'expired' : 'current';
  const audience =
    row.audience_scope === 'school'
      ? { scope: 'school' as const, school: row.audience_value }
      : row.audience_scope === 'service'
        ? { scope: 'service' as const, serviceCode: row.audience_value }
        : { scope: 'all' as const };
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    audience,
    visibleFrom: iso(row.visible_from)!,
    visibleUntil: iso(row.visible_until),
    week: row.week ? (row.week instanceof Date ? row.week.toISOString().slice(0, 10) : String(row.week).slice(0, 10)) : null,
    status,
    read,
  };
}

/** Reads "Mes actualités": a parent's current news for their family's audience, or everything for staff. */
export class NewsQueries {
  constructor(private readonly db: Kysely<any>) {}

  /** Every news item, newest first, with its status (staff). */
  async all(now: Date): Promise<NewsListView> {
    const rows = await this.db.selectFrom(NEWS_TABLE).selectAll().orderBy('visible_from', 'desc').orderBy('id').limit(500).execute();
    return { items: rows.map((row) => toView(row, now, true)), unreadCount: 0 };
  }

  /** The current news a family's audience reaches, newest first, with this account's read marks. */
  async forFamily(accountId: string, audience: FamilyAudience, now: Date, newsId?: string): Promise<NewsListView> {
    const schools = audience.schools.map((school) => school.trim().toLowerCase());
    let query = this.db
      .selectFrom(`${NEWS_TABLE} as n`)
      .leftJoin(`${NEWS_READS_TABLE} as r`, (join) => join.onRef('r.news_id', '=', 'n.id').on('r.account_id', '=', accountId))
      .selectAll('n')
      .select(sql<boolean>`r.news_id IS NOT NULL`.as('is_read'))
      .where('n.withdrawn_at', 'is', null)
      .where('n.visible_from', '<=', now)
      .where((eb) => eb.or([eb('n.visible_until', 'is', null), eb('n.visible_until', '>', now)]))
      .where((eb) =>
        eb.or([
          eb('n.audience_scope', '=', 'all'),
          ...(schools.length ? [eb.and([eb('n.audience_scope', '=', 'school'), eb(sql`lower(trim(n.audience_value))`, 'in', schools)])] : []),
          ...(audience.services.length ? [eb.and([eb('n.audience_scope', '=', 'service'), eb('n.audience_value', 'in', audience.services)])] : []),
        ]),
      );
    if (newsId) query = query.where('n.id', '=', newsId);
    const rows = await query.orderBy('n.visible_from', 'desc').orderBy('n.id').limit(200).execute();
    const items = rows.map((row) => toView(row, now, row.is_read));
    return { items, unreadCount: items.filter((item) => !item.read).length };
  }

  async one(newsId: string, now: Date): Promise<NewsView> {
    const row = await this.db.selectFrom(NEWS_TABLE).selectAll().where('id', '=', newsId).executeTakeFirst();
    if (!row) throw newsNotFound();
    return toView(row, now, true);
  }

  async markRead(accountId: string, newsId: string): Promise<void> {
    await this.db
      .insertInto(NEWS_READS_TABLE)
      .values({ account_id: accountId, news_id: newsId })
      .onConflict((oc) => oc.columns(['account_id', 'news_id']).doNothing())
      .execute();
  }
}
