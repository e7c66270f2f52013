import { streamName } from '#ardoise/kernel';
import type { DomainEvent } from '#ardoise/commands';

export const NEWS_PUBLISHED = 'NewsPublished';
export const NEWS_WITHDRAWN = 'NewsWithdrawn';

/** A town message, or the canteen's menus of a week. */
export type NewsKind = 'message' | 'menu';

/** Who sees it: every family, the families with a child at a school, or those using a prestation. */
export type NewsAudience = { scope: 'all' } | { scope: 'school'; school: string } | { scope: 'service'; serviceCode: string };

/**
 * Published now, or scheduled: families see it from `visibleFrom` to `visibleUntil`
 * (`news-<id>` stream).
 */
export type NewsPublished = DomainEvent<
  typeof NEWS_PUBLISHED,
  {
    newsId: string;
    kind: NewsKind;
    title: string;
    body: string;
    audience: NewsAudience;
    /** ISO instant. */
    visibleFrom: string;
    /** ISO instant, null: until withdrawn. */
    visibleUntil: string | null;
    /** For menus: the Monday (YYYY-MM-DD) of the week they are for. */
    week: string | null;
  }
>;

export type NewsWithdrawn = DomainEvent<typeof NEWS_WITHDRAWN, { newsId: string; reason: string | null }>;

export type NewsEvent = NewsPublished | NewsWithdrawn;

export const newsStream = (newsId: string) => streamName('news', newsId);
