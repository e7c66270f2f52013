/** Logical names of the families read models (views onto the active generation). */
export const FAMILIES_TABLE = 'families';
export const GUARDIANS_TABLE = 'family_guardians';
export const CHILDREN_TABLE = 'family_children';
export const LOGINS_TABLE = 'family_logins';

/** Columns holding personal data: emptied (and `erased` set) when the family is forgotten. */
export const FAMILY_PERSONAL_COLUMNS = { family_name: null, email: null, mandate_account: null } as const;
export const GUARDIAN_PERSONAL_COLUMNS = {
  civility: null,
  last_name: null,
  first_name: null,
  mobile_phone: null,
  home_phone: null,
  work_phone: null,
  email: null,
  address: null,
} as const;
export const CHILD_PERSONAL_COLUMNS = {
  last_name: null,
  first_name: null,
  birth_date: null,
  school: null,
  class_name: null,
  diet: null,
  allergies: null,
  pai: null,
} as const;
