import { Command } from '@nestjs/cqrs';

/** Resend the activation e-mail, to the same address or a corrected one: the previous link stops working. */
export class ResendInvitation extends Command<{ familyId: string; expiresAt: string }> {
  constructor(
    readonly familyId: string,
    readonly email: string | null | undefined,
  ) {
    super();
  }
}
