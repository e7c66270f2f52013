import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DATABASE, inOneSnapshot } from '#ardoise/database';
import { AppConfig } from '#ardoise/runtime';
import { familyNotFound } from '#ardoise/identity';
import { mayReadHealthData } from '../../domain/personal-data.js';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { CHILDREN_TABLE, FAMILIES_TABLE, GUARDIANS_TABLE, LOGINS_TABLE } from '../../projections/read-model.js';
import { FamilyFile } from './family-file.query.js';
import type { ChildView, FamilyFileView, GuardianView } from './family-file.view.js';

const iso = (value: Date | string | null) => (value == null ? null : value instanceof Date ? value.toISOString() : value);

@QueryHandler(FamilyFile)
export class FamilyFileHandler implements IQueryHandler<FamilyFile> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** An activation link (and a guardian's login link) lasts ACTIVATION_LINK_DAYS from its last sending. */
  private linkExpiry(sentAt: Date | string | null): string | null {
    return sentAt == null ? null : new Date(new Date(sentAt).getTime() + this.config.ACTIVATION_LINK_DAYS * 86_400_000).toISOString();
  }

  async execute({ familyId, role }: FamilyFile): Promise<FamilyFileView> {
    return inOneSnapshot(this.db, (trx) => this.read(trx, familyId, role));
  }

  private async read(db: Transaction<FamiliesDatabase>, familyId: string, role: FamilyFile['role']): Promise<FamilyFileView> {
    const family = await db
      .selectFrom(FAMILIES_TABLE)
      .selectAll()
      .select([
        sql<string>`quotient_valid_from::text`.as('qf_from'),
        sql<string>`quotient_valid_until::text`.as('qf_until'),
        sql<string>`mandate_signed_on::text`.as('mandate_on'),
      ])
      .where('family_id', '=', familyId)
      .executeTakeFirst();
    if (!family) throw familyNotFound();
    const [guardians, children, logins] = await Promise.all([
      db.selectFrom(GUARDIANS_TABLE).selectAll().where('family_id', '=', familyId).orderBy('rank').execute(),
      db
        .selectFrom(CHILDREN_TABLE)
        .selectAll()
        .select(sql<string>`birth_date::text`.as('birth_day'))
        .where('family_id', '=', familyId)
        .orderBy('birth_date')
        .orderBy('child_id')
        .execute(),
      db.selectFrom(LOGINS_TABLE).selectAll().where('family_id', '=', familyId).orderBy('created_at').execute(),
    ]);
    const withLogin = new Set(logins.map((l) => l.guardian_id));
    const health = mayReadHealthData(role);
    return {
      familyId,
      status: family.status,
      familyName: family.family_name,
      email: family.email,
      erased: family.erased,
      createdVia: family.created_via,
      invitation: family.status === 'invited' && family.invited_at ? { sentAt: iso(family.invited_at)!, expiresAt: this.linkExpiry(family.invited_at)! } : null,
      quotient:
        family.quotient_amount == null
          ? null
          : { amount: family.quotient_amount, validFrom: family.qf_from, validUntil: family.qf_until, proofReference: family.quotient_proof! },
      directDebitMandate: {
        signed: family.mandate_signed,
        reference: family.mandate_reference,
        signedOn: family.mandate_on,
        account: family.mandate_account ?? null,
      },
      guardians: guardians.map((g): GuardianView => ({
        guardianId: g.guardian_id,
        rank: g.rank,
        erased: g.erased,
        civility: g.civility,
        lastName: g.last_name,
        firstName: g.first_name,
        mobilePhone: g.mobile_phone,
        homePhone: g.home_phone,
        workPhone: g.work_phone,
        email: g.email,
        address: g.address,
        hasLogin: withLogin.has(g.guardian_id),
        loginInvitedAt: iso(g.login_invited_at),
        loginInvitationExpiresAt: withLogin.has(g.guardian_id) ? null : this.linkExpiry(g.login_invited_at),
      })),
      children: children.map((c): ChildView => {
        const view: ChildView = {
          childId: c.child_id,
          erased: c.erased,
          lastName: c.last_name,
          firstName: c.first_name,
          birthDate: c.birth_day,
          school: c.school,
          className: c.class_name,
        };
        return health ? { ...view, diet: c.diet, allergies: c.allergies, pai: c.pai } : view;
      }),
      logins: logins.map((l) => ({ accountId: l.account_id, guardianId: l.guardian_id, createdAt: iso(l.created_at)! })),
    };
  }
}
