import { Query } from '@nestjs/cqrs';
import type { ActivationLink } from '#ardoise/contracts';

/** Is the activation link still valid, and for which e-mail address? */
export class ReadActivationLink extends Query<ActivationLink> {
  constructor(readonly token: string) {
    super();
  }
}
