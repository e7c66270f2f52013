import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnauthenticatedError } from '#ardoise/kernel';
import { AccountStore } from '../../accounts/account-store.js';
import { PasswordHasher } from '../../accounts/password-hasher.js';
import { LoginThrottle } from '../../sessions/login-throttle.js';
import { SessionCookies } from '../../sessions/session-cookies.js';
import { SessionStore } from '../../sessions/session-store.js';
import { signedIn } from '../../sessions/signed-in.js';
import { LogIn } from './log-in.command.js';

/** Checks the password (throttled per account and client), opens a session, says which cookies carry it. */
@CommandHandler(LogIn)
export class LogInHandler implements ICommandHandler<LogIn> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
  ) {}

  async execute({ email, password, client }: LogIn) {
    this.passwords.assertAccepting(); // too many checks waiting: refused before any read
    await this.throttle.assertAllowed(email, client);
    const account = await this.accounts.findByEmail(email);
    // An unknown e-mail is checked against a decoy, in the same time (no enumeration by timing).
    // Too many checks waiting: a 503 before anything is counted (PasswordChecksBusyError).
    const valid = await this.passwords.verify(account?.passwordHash, password);
    if (!account || !valid || account.status !== 'active') {
      await this.throttle.record(email, client, false);
      // The same words whether the e-mail exists or not: no account enumeration.
      throw new UnauthenticatedError('AUTH.INVALID_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.');
    }
    await this.throttle.record(email, client, true);
    const { token, csrfToken } = await this.sessions.open(account.id);
    return { signedIn: signedIn(account), cookies: this.cookies.opening(token, csrfToken) };
  }
}
