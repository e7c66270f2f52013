import { Query } from '@nestjs/cqrs';
import type { NewsView } from '#ardoise/contracts';

/** One news item: for a parent, only a current one meant for their family (else 404). */
export class GetNews extends Query<NewsView> {
  constructor(readonly newsId: string) {
    super();
  }
}
