import { sql, type Kysely, type Transaction } from 'kysely';
import type { Projector } from '#ardoise/projections';
import { maskIban, type DebtorAccount } from '../domain/bank-account.js';
import { FAMILY_EVENT_TYPES, type FamilyEvent } from '../domain/family-events.js';
import type { ChildDetails, FamilyIdentity, GuardianDetails, InvitationContact } from '../domain/personal-data.js';
import { FamilyKeyStore } from '../privacy/family-key-store.js';
import { openWith, type Sealed } from '../privacy/personal-data-cipher.js';
import {
  CHILD_PERSONAL_COLUMNS,
  CHILDREN_TABLE,
  FAMILIES_TABLE,
  FAMILY_PERSONAL_COLUMNS,
  GUARDIAN_PERSONAL_COLUMNS,
  GUARDIANS_TABLE,
} from './read-model.js';

/**
 * Families, their guardians and children, decrypted with the family's key. A family whose
 * key is gone (forgotten) is projected as erased: ids and dates only, `erased = true`, so a
 * replay after an erasure still works and shows the person as erased.
 */
export const familiesProjector: Projector = {
  name: 'families',
  version: 2, // 2: the mandate's account, masked
  filter: { eventTypes: FAMILY_EVENT_TYPES },
  tables: [
    {
      name: FAMILIES_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            family_id              uuid PRIMARY KEY,
            status                 text NOT NULL,
            family_name            text,
            email                  text,
            created_via            text,
            invited_at             timestamptz,
            created_at             timestamptz,
            quotient_amount        integer,
            quotient_valid_from    date,
            quotient_valid_until   date,
            quotient_proof         text,
            mandate_signed         boolean NOT NULL DEFAULT false,
            mandate_reference      text,
            mandate_signed_on      date,
            mandate_account        text,
            erased                 boolean NOT NULL DEFAULT false,
            updated_at             timestamptz NOT NULL
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${t}_name_idx`)} ON ${sql.table(t)} (lower(family_name))`.execute(db);
      },
    },
    {
      name: GUARDIANS_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            guardian_id      uuid PRIMARY KEY,
            family_id        uuid NOT NULL,
            rank             smallint NOT NULL,
            civility         text,
            last_name        text,
            first_name       text,
            mobile_phone     text,
            home_phone       text,
            work_phone       text,
            email            text,
            address          jsonb,
            login_invited_at timestamptz,
            erased           boolean NOT NULL DEFAULT false
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${t}_family_idx`)} ON ${sql.table(t)} (family_id)`.execute(db);
      },
    },
    {
      name: CHILDREN_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            child_id     uuid PRIMARY KEY,
            family_id    uuid NOT NULL,
            last_name    text,
            first_name   text,
            birth_date   date,
            school       text,
            class_name   text,
            diet         text,
            allergies    text,
            pai          boolean,
            erased       boolean NOT NULL DEFAULT false,
            registered_at timestamptz NOT NULL
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${t}_family_idx`)} ON ${sql.table(t)} (family_id)`.execute(db);
      },
    },
  ],
  async apply(recorded, trx, tables) {
    const event = { type: recorded.type, data: recorded.data } as FamilyEvent;
    const familyId = event.data.familyId;
    const key = await new FamilyKeyStore(trx).existingKey(familyId, trx);
    const open = <T>(sealed: Sealed): T | undefined => (key ? openWith<T>(key, familyId, sealed) : undefined);
    const at = recorded.metadata.occurredAt;
    const families = tables[FAMILIES_TABLE]!;
    const guardians = tables[GUARDIANS_TABLE]!;
    const children = tables[CHILDREN_TABLE]!;
    const touch = (values: Record<string, unknown>) =>
      trx.updateTable(families).set({ ...values, updated_at: at }).where('family_id', '=', familyId).execute();

    switch (event.type) {
      case 'ActivationInvitationSent': {
        const contact = open<InvitationContact>(event.data.contact);
        await trx
          .insertInto(families)
          .values({ family_id: familyId, status: 'invited', family_name: contact?.familyName ?? null, email: contact?.email ?? null, invited_at: at, erased: !contact, updated_at: at })
          .onConflict((oc) =>
            oc.column('family_id').doUpdateSet({ invited_at: at, email: contact?.email ?? null, updated_at: at }).where(`${families}.status`, '=', 'invited'),
          )
          .execute();
        return;
      }
      case 'FamilyAccountCreated': {
        const identity = open<FamilyIdentity>(event.data.identity);
        const values = {
          status: 'active',
          family_name: identity?.familyName ?? null,
          email: identity?.email ?? null,
          created_via: event.data.via,
          created_at: at,
          erased: !identity,
          updated_at: at,
        };
        await trx
          .insertInto(families)
          .values({ family_id: familyId, ...values })
          .onConflict((oc) => oc.column('family_id').doUpdateSet(values))
          .execute();
        return;
      }
      case 'GuardianAdded':
      case 'GuardianUpdated': {
        const values = guardianColumns(open<GuardianDetails>(event.data.details));
        if (event.type === 'GuardianAdded') {
          await trx
            .insertInto(guardians)
            .values({ guardian_id: event.data.guardianId, family_id: familyId, rank: event.data.rank, ...values })
            .onConflict((oc) => oc.column('guardian_id').doUpdateSet(values))
            .execute();
        } else {
          await trx.updateTable(guardians).set(values).where('guardian_id', '=', event.data.guardianId).execute();
        }
        await touch({});
        return;
      }
      case 'GuardianLoginInvited':
        await trx.updateTable(guardians).set({ login_invited_at: at }).where('guardian_id', '=', event.data.guardianId).execute();
        return;
      case 'ChildRegistered':
      case 'ChildUpdated': {
        const values = childColumns(open<ChildDetails>(event.data.details));
        if (event.type === 'ChildRegistered') {
          await trx
            .insertInto(children)
            .values({ child_id: event.data.childId, family_id: familyId, registered_at: at, ...values })
            .onConflict((oc) => oc.column('child_id').doUpdateSet(values))
            .execute();
        } else {
          await trx.updateTable(children).set(values).where('child_id', '=', event.data.childId).execute();
        }
        await touch({});
        return;
      }
      case 'ChildRemoved':
        await trx.deleteFrom(children).where('child_id', '=', event.data.childId).execute();
        await touch({});
        return;
      case 'QuotientFamilialSet':
        await touch({
          quotient_amount: event.data.amount,
          quotient_valid_from: event.data.validFrom,
          quotient_valid_until: event.data.validUntil,
          quotient_proof: event.data.proofReference,
        });
        return;
      case 'DirectDebitMandateSigned':
        const account = event.data.debtorAccount ? open<DebtorAccount>(event.data.debtorAccount) : undefined;
        await touch({
          mandate_signed: true,
          mandate_reference: event.data.mandateReference,
          mandate_signed_on: event.data.signedOn,
          mandate_account: account ? maskIban(account.iban) : null,
        });
        return;
      case 'DirectDebitMandateRevoked':
        await touch({ mandate_signed: false, mandate_account: null });
        return;
      case 'FamilyForgotten':
        await eraseFamilyRows(trx, familyId, { families, guardians, children });
        await touch({ status: 'forgotten' });
        return;
    }
  },
};

/** Empties every personal column of a family's rows (used by the projector and by the erasure itself). */
export async function eraseFamilyRows(
  db: Kysely<any> | Transaction<any>,
  familyId: string,
  tables: { families: string; guardians: string; children: string },
): Promise<void> {
  await db.updateTable(tables.families).set({ ...FAMILY_PERSONAL_COLUMNS, erased: true, status: 'forgotten' }).where('family_id', '=', familyId).execute();
  await db.updateTable(tables.guardians).set({ ...GUARDIAN_PERSONAL_COLUMNS, erased: true }).where('family_id', '=', familyId).execute();
  await db.updateTable(tables.children).set({ ...CHILD_PERSONAL_COLUMNS, erased: true }).where('family_id', '=', familyId).execute();
}

function guardianColumns(details: GuardianDetails | undefined) {
  if (!details) return { ...GUARDIAN_PERSONAL_COLUMNS, erased: true };
  return {
    civility: details.civility,
    last_name: details.lastName,
    first_name: details.firstName,
    mobile_phone: details.mobilePhone ?? null,
    home_phone: details.homePhone ?? null,
    work_phone: details.workPhone ?? null,
    email: details.email ?? null,
    address: details.address ? JSON.stringify(details.address) : null,
    erased: false,
  };
}

function childColumns(details: ChildDetails | undefined) {
  if (!details) return { ...CHILD_PERSONAL_COLUMNS, erased: true };
  return {
    last_name: details.lastName,
    first_name: details.firstName,
    birth_date: details.birthDate,
    school: details.school,
    class_name: details.className,
    diet: details.diet,
    allergies: details.allergies,
    pai: details.pai,
    erased: false,
  };
}

