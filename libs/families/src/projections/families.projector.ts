import { sql, type Kysely, type Transaction } from 'kysely';
import { foldEach, RowSet, type Projector, type Row } from '#ardoise/projections';
import { maskIban, type DebtorAccount } from '../domain/bank-account.js';
import { FAMILY_EVENT_TYPES, type FamilyEvent } from '../domain/family-events.js';
import type { ChildDetails, FamilyIdentity, GuardianDetails, InvitationContact } from '../domain/personal-data.js';
import { openWith, type Sealed } from '../privacy/personal-data-cipher.js';
import { CHILD_PERSONAL_COLUMNS, CHILDREN_TABLE, FAMILIES_TABLE, FAMILY_PERSONAL_COLUMNS, GUARDIAN_PERSONAL_COLUMNS, GUARDIANS_TABLE } from './read-model.js';

/**
 * Families, their guardians and children, decrypted with the family's key. A family whose
 * key is gone (forgotten) is projected as erased: ids and dates only, `erased = true`, so a
 * replay after an erasure still works and shows the person as erased.
 */
export const familiesProjector: Projector = {
  name: 'families',
  version: 3, // 2: the mandate's account, masked; 3: folded by batch
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
      },
      async indexes(db: Kysely<any>, t: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${t}_name_idx`)} ON ${sql.table(t)} (lower(family_name))`.execute(db);
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
      },
      async indexes(db: Kysely<any>, t: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${t}_family_idx`)} ON ${sql.table(t)} (family_id)`.execute(db);
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
      },
      async indexes(db: Kysely<any>, t: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${t}_family_idx`)} ON ${sql.table(t)} (family_id)`.execute(db);
      },
    },
  ],
  async applyBatch(events, trx, tables, context) {
    const familyIds = [...new Set(events.map((e) => (e.data as { familyId: string }).familyId))];
    // The batch's cache of family keys: one query, not one per event.
    const keys = new Map<string, Buffer>();
    const keyRows = await trx.selectFrom('family_keys').select(['family_id', 'key']).where('family_id', 'in', familyIds).execute();
    for (const row of keyRows) keys.set(String(row.family_id), Buffer.from(row.key));

    const families = new RowSet(trx, { table: tables[FAMILIES_TABLE]!, key: ['family_id'], defaults: FAMILY_DEFAULTS }, context);
    const guardians = new RowSet(trx, { table: tables[GUARDIANS_TABLE]!, key: ['guardian_id'], defaults: GUARDIAN_DEFAULTS }, context);
    const children = new RowSet(trx, { table: tables[CHILDREN_TABLE]!, key: ['child_id'], defaults: CHILD_DEFAULTS }, context);
    await families.load(familyIds.map((family_id) => ({ family_id })));
    await guardians.load(events.flatMap((e) => ('guardianId' in (e.data as object) ? [{ guardian_id: (e.data as { guardianId: string }).guardianId }] : [])));
    await children.load(events.flatMap((e) => ('childId' in (e.data as object) ? [{ child_id: (e.data as { childId: string }).childId }] : [])));
    const forgotten = events.filter((e) => e.type === 'FamilyForgotten').map((e) => (e.data as { familyId: string }).familyId);
    await guardians.loadWhere('family_id', forgotten);
    await children.loadWhere('family_id', forgotten);

    foldEach(familiesProjector.name, events, (recorded) => {
      const event = { type: recorded.type, data: recorded.data } as FamilyEvent;
      const familyId = event.data.familyId;
      const key = keys.get(familyId);
      const open = <T>(sealed: Sealed): T | undefined => (key ? openWith<T>(key, familyId, sealed) : undefined);
      const at = recorded.metadata.occurredAt;
      const family = { family_id: familyId };
      const touch = (values: Row) => families.update(family, { ...values, updated_at: at });

      switch (event.type) {
        case 'ActivationInvitationSent': {
          const contact = open<InvitationContact>(event.data.contact);
          const existing = families.get(family);
          if (!existing) {
            families.upsert(family, {
              status: 'invited',
              family_name: contact?.familyName ?? null,
              email: contact?.email ?? null,
              invited_at: at,
              erased: !contact,
              updated_at: at,
            });
          } else if (existing.status === 'invited') {
            families.update(family, { invited_at: at, email: contact?.email ?? null, updated_at: at });
          }
          return;
        }
        case 'FamilyAccountCreated': {
          const identity = open<FamilyIdentity>(event.data.identity);
          families.upsert(family, {
            status: 'active',
            family_name: identity?.familyName ?? null,
            email: identity?.email ?? null,
            created_via: event.data.via,
            created_at: at,
            erased: !identity,
            updated_at: at,
          });
          return;
        }
        case 'GuardianAdded':
        case 'GuardianUpdated': {
          const values = guardianColumns(open<GuardianDetails>(event.data.details));
          const guardian = { guardian_id: event.data.guardianId };
          if (event.type === 'GuardianAdded') {
            if (guardians.get(guardian)) guardians.update(guardian, values);
            else guardians.upsert(guardian, { family_id: familyId, rank: event.data.rank, ...values });
          } else {
            guardians.update(guardian, values);
          }
          touch({});
          return;
        }
        case 'GuardianLoginInvited':
          guardians.update({ guardian_id: event.data.guardianId }, { login_invited_at: at });
          return;
        case 'ChildRegistered':
        case 'ChildUpdated': {
          const values = childColumns(open<ChildDetails>(event.data.details));
          const child = { child_id: event.data.childId };
          if (event.type === 'ChildRegistered') {
            if (children.get(child)) children.update(child, values);
            else children.upsert(child, { family_id: familyId, registered_at: at, ...values });
          } else {
            children.update(child, values);
          }
          touch({});
          return;
        }
        case 'ChildRemoved':
          children.delete({ child_id: event.data.childId });
          touch({});
          return;
        case 'QuotientFamilialSet':
          touch({
            quotient_amount: event.data.amount,
            quotient_valid_from: event.data.validFrom,
            quotient_valid_until: event.data.validUntil,
            quotient_proof: event.data.proofReference,
          });
          return;
        case 'DirectDebitMandateSigned': {
          const account = event.data.debtorAccount ? open<DebtorAccount>(event.data.debtorAccount) : undefined;
          touch({
            mandate_signed: true,
            mandate_reference: event.data.mandateReference,
            mandate_signed_on: event.data.signedOn,
            mandate_account: account ? maskIban(account.iban) : null,
          });
          return;
        }
        case 'DirectDebitMandateRevoked':
          touch({ mandate_signed: false, mandate_account: null });
          return;
        case 'FamilyForgotten':
          families.update(family, { ...FAMILY_PERSONAL_COLUMNS, erased: true, status: 'forgotten' });
          for (const row of guardians.find((g) => g.family_id === familyId)) guardians.update(row, { ...GUARDIAN_PERSONAL_COLUMNS, erased: true });
          for (const row of children.find((c) => c.family_id === familyId)) children.update(row, { ...CHILD_PERSONAL_COLUMNS, erased: true });
          touch({ status: 'forgotten' });
          return;
      }
    });
    await families.flush();
    await guardians.flush();
    await children.flush();
  },
};

const FAMILY_DEFAULTS: Row = {
  status: null,
  family_name: null,
  email: null,
  created_via: null,
  invited_at: null,
  created_at: null,
  quotient_amount: null,
  quotient_valid_from: null,
  quotient_valid_until: null,
  quotient_proof: null,
  mandate_signed: false,
  mandate_reference: null,
  mandate_signed_on: null,
  mandate_account: null,
  erased: false,
  updated_at: null,
};
const GUARDIAN_DEFAULTS: Row = { family_id: null, rank: null, ...GUARDIAN_PERSONAL_COLUMNS, login_invited_at: null, erased: false };
const CHILD_DEFAULTS: Row = { family_id: null, ...CHILD_PERSONAL_COLUMNS, erased: false, registered_at: null };

/** Empties every personal column of a family's rows (used by the projector and by the erasure itself). */
export async function eraseFamilyRows(
  db: Kysely<any> | Transaction<any>,
  familyId: string,
  tables: { families: string; guardians: string; children: string },
): Promise<void> {
  await db
    .updateTable(tables.families)
    .set({ ...FAMILY_PERSONAL_COLUMNS, erased: true, status: 'forgotten' })
    .where('family_id', '=', familyId)
    .execute();
  await db
    .updateTable(tables.guardians)
    .set({ ...GUARDIAN_PERSONAL_COLUMNS, erased: true })
    .where('family_id', '=', familyId)
    .execute();
  await db
    .updateTable(tables.children)
    .set({ ...CHILD_PERSONAL_COLUMNS, erased: true })
    .where('family_id', '=', familyId)
    .execute();
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
    address: details.address ?? null, // an object: written as jsonb through the row's JSON
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
