import { Command } from '@nestjs/cqrs';
import type { NewsAudience, NewsKind } from '../../domain/news-events.js';

export interface NewsDraft {
  kind: NewsKind;
  title: string;
  body: string;
  audience: NewsAudience;
  visibleFrom?: string;
  visibleUntil?: string;
  week?: string;
}

/** A news item or a week's menus, shown to its audience from `visibleFrom` (default: now). */
export class PublishNews extends Command<{ newsId: string }> {
  constructor(readonly draft: NewsDraft) {
    super();
  }
}
