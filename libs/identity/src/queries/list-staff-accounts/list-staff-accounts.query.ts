import { Query } from '@nestjs/cqrs';
import type { StaffAccountSummary } from '#ardoise/contracts';

/** The town's staff logins (every role but parents), by name. */
export class ListStaffAccounts extends Query<StaffAccountSummary[]> {}
