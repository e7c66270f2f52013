import { Command } from '@nestjs/cqrs';
import type { CookieWrite, SignedIn } from '#ardoise/identity';
import type { ActivationRequest } from './activate-account.request.js';

/** The session opened for the person who just got a login (the parent, a guardian), and the cookies that carry it. */
export interface OpenedSession {
  signedIn: SignedIn;
  cookies: CookieWrite[];
}

/** The wizard's last step: « S'enregistrer » with the three steps the parent filled in. */
export class ActivateAccount extends Command<OpenedSession> {
  constructor(
    readonly token: string,
    readonly request: ActivationRequest,
  ) {
    super();
  }
}
