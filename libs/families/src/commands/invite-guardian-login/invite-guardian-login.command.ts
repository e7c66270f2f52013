import { Command } from '@nestjs/cqrs';

/** Invite a guardian (Responsable 2, usually) to have a login of their own to the family. */
export class InviteGuardianLogin extends Command<{ expiresAt: string }> {
  constructor(
    readonly familyId: string,
    readonly guardianId: string,
    /** The login e-mail; by default the one of the guardian's details. */
    readonly email: string | null | undefined,
  ) {
    super();
  }
}
