import { Query } from '@nestjs/cqrs';
import type { FamilySummaryView } from '../family-file/family-file.view.js';

/** Staff find a family by its name, a guardian's name or e-mail, a login e-mail, or a child's name; every family without a text. */
export class SearchFamilies extends Query<FamilySummaryView[]> {
  constructor(readonly text: string | undefined) {
    super();
  }
}
