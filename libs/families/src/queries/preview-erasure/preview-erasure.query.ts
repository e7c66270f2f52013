import { Query } from '@nestjs/cqrs';
import type { ErasurePreview } from '#ardoise/contracts';

/** What erasing a family will do, counted before the admin confirms. */
export class PreviewErasure extends Query<ErasurePreview> {
  constructor(readonly familyId: string) {
    super();
  }
}
