import type { Civility, Diet, PostalAddress } from '#ardoise/contracts';

/**
 * The families' tables as its queries and readers see them: the read models (each name a view
 * on the active generation, docs/projections.md) and the key table (migrations). Projectors write
 * through the physical generation tables the engine hands them (untyped).
 */
export interface FamiliesDatabase {
  families: FamiliesTable;
  family_guardians: GuardiansTable;
  family_children: ChildrenTable;
  family_logins: LoginsTable;
  family_erasures: ErasuresTable;
  family_keys: FamilyKeysTable;
}

export interface FamiliesTable {
  family_id: string;
  status: 'invited' | 'active' | 'forgotten';
  family_name: string | null;
  email: string | null;
  created_via: 'activation' | 'agent' | null;
  invited_at: Date | null;
  created_at: Date | null;
  quotient_amount: number | null;
  quotient_valid_from: Date | null;
  quotient_valid_until: Date | null;
  quotient_proof: string | null;
  mandate_signed: boolean;
  mandate_reference: string | null;
  mandate_signed_on: Date | null;
  /** The debited IBAN, masked. */
  mandate_account: string | null;
  erased: boolean;
  updated_at: Date;
}

export interface GuardiansTable {
  guardian_id: string;
  family_id: string;
  rank: 1 | 2;
  civility: Civility | null;
  last_name: string | null;
  first_name: string | null;
  mobile_phone: string | null;
  home_phone: string | null;
  work_phone: string | null;
  email: string | null;
  address: PostalAddress | null;
  login_invited_at: Date | null;
  erased: boolean;
}

export interface ChildrenTable {
  child_id: string;
  family_id: string;
  last_name: string | null;
  first_name: string | null;
  birth_date: Date | null;
  school: string | null;
  class_name: string | null;
  diet: Diet | null;
  allergies: string | null;
  pai: boolean | null;
  erased: boolean;
  registered_at: Date;
}

export interface LoginsTable {
  account_id: string;
  family_id: string;
  guardian_id: string | null;
  created_at: Date;
  email_changed_at: Date | null;
}

export interface ErasuresTable {
  family_id: string;
  forgotten_at: Date;
  actor_id: string;
  actor_role: string;
}

export interface FamilyKeysTable {
  family_id: string;
  key: Buffer;
  created_at: Date;
}
