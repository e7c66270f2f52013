import { Query } from '@nestjs/cqrs';
import type { NewsListView } from '#ardoise/contracts';

/** "Mes actualités": a parent's current news for their family, with unread marks; every item for staff. */
export class ListNews extends Query<NewsListView> {}
