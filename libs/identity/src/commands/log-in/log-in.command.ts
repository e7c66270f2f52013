import { Command } from '@nestjs/cqrs';
import type { CookieWrite } from '../../sessions/session-cookies.js';
import type { SignedIn } from '../../sessions/signed-in.js';

/** Someone signs in from a client (its address as throttles count it, sessions/client-network.ts). */
export class LogIn extends Command<{ signedIn: SignedIn; cookies: CookieWrite[] }> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly client: string,
  ) {
    super();
  }
}
