import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ValidationError } from '#ardoise/kernel';
import { OneTimeTokenStore, SessionCookies, SessionStore, signedIn } from '#ardoise/identity';
import { RegistrationChecks } from '../../registration/registration-checks.js';
import { RegisterFamily } from '../register-family/register-family.command.js';
import { ActivateAccount, type OpenedSession } from './activate-account.command.js';

/**
 * The three-step account creation of the guide (1.2), last call: re-checks every step, uses
 * the link, creates the family and its login, and opens the parent's session.
 */
@CommandHandler(ActivateAccount)
export class ActivateAccountHandler implements ICommandHandler<ActivateAccount> {
  constructor(
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(RegistrationChecks) private readonly checks: RegistrationChecks,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
  ) {}

  async execute({ token, request }: ActivateAccount): Promise<OpenedSession> {
    const { subject: familyId } = await this.tokens.peek('activation', token);
    const errors = [
      ...(await this.checks.accountProblems(request.account, 'account')),
      ...this.checks.guardiansProblems(request.guardians, 'guardians'),
      ...this.checks.childrenProblems(request.children.children, 'children.children'),
    ];
    if (errors.length > 0) throw new ValidationError(errors);
    const { account } = await this.commands.execute(
      new RegisterFamily({
        familyId,
        familyName: request.account.familyName,
        contactEmail: request.account.email,
        login: { email: request.account.email, password: request.account.password },
        guardians: request.guardians,
        children: request.children.children,
        via: 'activation',
        activationToken: token,
        childrenField: 'children.children',
      }),
    );
    const { token: sessionToken, csrfToken } = await this.sessions.open(account!.id);
    return { signedIn: signedIn(account!), cookies: this.cookies.opening(sessionToken, csrfToken) };
  }
}
