import { Command } from '@nestjs/cqrs';
import type { InvitationContact } from '../../domain/personal-data.js';

/** An agent invites a family to Ardoise: a family id is reserved, an activation link e-mailed. */
export class InviteFamily extends Command<{ familyId: string; expiresAt: string }> {
  constructor(readonly contact: InvitationContact) {
    super();
  }
}
