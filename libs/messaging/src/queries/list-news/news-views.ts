import { sql, type Kysely, type Selectable } from 'kysely';
import type { NewsListView, NewsView } from '#ardoise/contracts';
import type { FamilyAudience } from '../../audience/family-audience.js';
import { newsNotFound } from '../../domain/news.decider.js';
import { iso, type MessagingDatabase, type NewsTable } from '../../projections/messaging-database.js';
import { NEWS_TABLE } from '../../projections/news.projector.js';

export const NEWS_READS_TABLE = 'news_reads';

function toView(row: Selectable<NewsTable>, now: Date, read: boolean): NewsView {
  const from = new Date(row.visible_from);
  const until = row.visible_until ? new Date(row.visible_until) : null;
  const status = row.withdrawn_at ? 'withdrawn' : from > now ? 'scheduled' : until && until <= now ? 'expired' : 'current';
  const audience =
    row.audience_scope === 'school'
      ? { scope: 'school' as const, school: row.audience_value! }
      : row.audience_scope === 'service'
        ? { scope: 'service' as const, serviceCode: row.audience_value! }
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

/** Every news item, newest first, with its status (staff). */
export async function allNews(db: Kysely<MessagingDatabase>, now: Date): Promise<NewsListView> {
  const rows = await db.selectFrom(NEWS_TABLE).selectAll().orderBy('visible_from', 'desc').orderBy('id').limit(500).execute();
  return { items: rows.map((row) => toView(row, now, true)), unreadCount: 0 };
}

/** The current news a family's audience reaches, newest first, with this account's read marks. */
export async function newsForFamily(
  db: Kysely<MessagingDatabase>,
  accountId: string,
  audience: FamilyAudience,
  now: Date,
  newsId?: string,
): Promise<NewsListView> {
  const schools = audience.schools.map((school) => school.trim().toLowerCase());
  let query = db
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

/** One news item, whatever its status (staff). */
export async function oneNews(db: Kysely<MessagingDatabase>, newsId: string, now: Date): Promise<NewsView> {
  const row = await db.selectFrom(NEWS_TABLE).selectAll().where('id', '=', newsId).executeTakeFirst();
  if (!row) throw newsNotFound();
  return toView(row, now, true);
}
