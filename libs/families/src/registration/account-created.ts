import type { AggregateRepository, RequestContext, StagedAppend } from '#ardoise/commands';
import { accountStream, type Account, type AccountCreated } from '#ardoise/identity';

/** A new login's fact for the audit trail, to stage in the transaction that creates the login. */
export function accountCreated(repository: AggregateRepository, account: Account, context: RequestContext): StagedAppend {
  const event: AccountCreated = {
    type: 'AccountCreated',
    data: { accountId: account.id, role: account.role, familyId: account.familyId, guardianId: account.guardianId },
  };
  return repository.prepareFacts(accountStream(account.id), [event], context);
}
