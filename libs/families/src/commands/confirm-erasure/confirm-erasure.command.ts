import { Command } from '@nestjs/cqrs';
import type { ErasureResult } from '#ardoise/contracts';

/** The admins' erasure (/admin/rgpd): forget the family once the name typed by the admin matches it. */
export class ConfirmErasure extends Command<ErasureResult> {
  constructor(
    readonly familyId: string,
    readonly typedFamilyName: string,
  ) {
    super();
  }
}
