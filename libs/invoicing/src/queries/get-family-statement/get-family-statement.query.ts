import { Query } from '@nestjs/cqrs';
import type { GetFamilyStatementHandler } from './get-family-statement.handler.js';

export type FamilyStatement = Awaited<ReturnType<GetFamilyStatementHandler['read']>>;

/** Every movement on a family's account, in order, with the running balance. */
export class GetFamilyStatement extends Query<FamilyStatement> {
  constructor(readonly familyId: string) {
    super();
  }
}
