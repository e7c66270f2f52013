import { Query } from '@nestjs/cqrs';
import type { Role } from '#ardoise/commands';
import type { FamilyFileView } from './family-file.view.js';

/** The family file as the reader's role may see it (health data for those who need it only). */
export class FamilyFile extends Query<FamilyFileView> {
  constructor(
    readonly familyId: string,
    readonly role: Role,
  ) {
    super();
  }
}
