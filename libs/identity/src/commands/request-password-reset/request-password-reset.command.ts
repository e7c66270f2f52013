import { Command } from '@nestjs/cqrs';

/** A reset link is short-lived: whoever reads the mailbox can take the account. */
export const PASSWORD_RESET_LINK_MINUTES = 60;

/**
 * Every answer to a reset request takes at least this long: with or without an account
 * (a link issued, an e-mail queued, or nothing), the answer is the same and as slow.
 */
export const PASSWORD_RESET_ANSWER_MS = 300;

export const PASSWORD_RESET_ANSWER = {
  message: 'Si un compte existe avec cette adresse, un e-mail avec un lien de réinitialisation vient de lui être envoyé.',
};

/** « J'ai oublié mon mot de passe » : someone asks for a reset link for this address. */
export class RequestPasswordReset extends Command<typeof PASSWORD_RESET_ANSWER> {
  constructor(readonly email: string) {
    super();
  }
}
