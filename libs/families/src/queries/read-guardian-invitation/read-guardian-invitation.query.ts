import { Query } from '@nestjs/cqrs';

/** Is a guardian's login invitation still valid, and for which login e-mail? */
export class ReadGuardianInvitation extends Query<{ email: string }> {
  constructor(readonly token: string) {
    super();
  }
}
