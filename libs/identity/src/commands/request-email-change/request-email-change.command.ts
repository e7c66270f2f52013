import { Command } from '@nestjs/cqrs';
import type { Account } from '../../accounts/account-store.js';

export const EMAIL_CHANGE_LINK_HOURS = 24;

/** Whether the new address is free or already has an account, the answer is this, after at least this long. */
export const EMAIL_CHANGE_ANSWER = { message: 'Un e-mail a été envoyé à la nouvelle adresse : suivez-le pour confirmer le changement.' };
export const EMAIL_CHANGE_ANSWER_MS = 300;

/** The signed-in person asks to sign in with another address, confirming with their current password. */
export class RequestEmailChange extends Command<typeof EMAIL_CHANGE_ANSWER> {
  constructor(
    readonly account: Account,
    readonly newEmail: string,
    readonly password: string,
  ) {
    super();
  }
}
