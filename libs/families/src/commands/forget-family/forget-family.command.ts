import { Command } from '@nestjs/cqrs';

export interface ForgetReport {
  alreadyForgotten: boolean;
  /** This run deleted the key (false when it was already gone). */
  keyDestroyed: boolean;
  accountsDeleted: number;
}

/** Erase a family (RGPD, « droit à l'oubli »): its key, its copies, its logins. */
export class ForgetFamily extends Command<ForgetReport> {
  constructor(readonly familyId: string) {
    super();
  }
}
