import { SetMetadata } from '@nestjs/common';
import type { Role } from '#ardoise/commands';

export const PUBLIC_KEY = 'ardoise:public';
export const ROLES_KEY = 'ardoise:roles';
export const SELF_SERVICE_KEY = 'ardoise:self-service';

/** No session needed (login, activation, public catalogue, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles (on a controller or a route; the route's list wins). Default: any signed-in user. */
export const Roles = (...roles: Exclude<Role, 'anonymous' | 'system'>[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A write on one's own account (logout, change of password or e-mail): allowed to every
 * signed-in role, auditors included, who otherwise write nothing.
 */
export const SelfService = () => SetMetadata(SELF_SERVICE_KEY, true);

export const CHANGES_NO_DATA_KEY = 'ardoise:changes-no-data';

/**
 * A POST that reads and changes no data (it only records its own job, e.g. a verification
 * of the log): auditors, who otherwise write nothing, may call it if their role is listed
 * in @Roles. Each use is a decision about the auditor's role (test/api/audit-access.spec.ts).
 */
export const ChangesNoData = () => SetMetadata(CHANGES_NO_DATA_KEY, true);
