import { Command } from '@nestjs/cqrs';

/**
 * RGPD erasure of everything messaging keeps about a family outside the log: its e-mails, the
 * bytes of its request files, its threads' text in the read model, its logins' news read marks.
 * Executed by the families' erasure once the family's key is destroyed and before its logins go.
 */
export class EraseFamilyMessaging extends Command<void> {
  constructor(readonly familyId: string) {
    super();
  }
}
