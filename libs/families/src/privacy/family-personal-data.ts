import type { FamilyPersonalData } from '#ardoise/messaging';
import { FamilyKeyStore, type KeyConnection } from './family-key-store.js';
import { openWith, sealWith, type Sealed } from './personal-data-cipher.js';

/**
 * The families context's keys behind messaging's port: "Mes demandes" are sealed with the key
 * of the family they belong to, so that forgetting the family erases them too. Stateless (the
 * key is read through the caller's connection or transaction), so that the worker's
 * projectors can use it outside Nest.
 */
export const familyPersonalData: FamilyPersonalData = {
  async seal(familyId: string, value: unknown, db: KeyConnection): Promise<string> {
    return sealWith(await new FamilyKeyStore(db).keyFor(familyId, db), familyId, value);
  },
  async opener(familyId: string, db: KeyConnection) {
    const key = await new FamilyKeyStore(db).existingKey(familyId, db);
    return opener(familyId, key);
  },
  async openers(familyIds: Iterable<string>, db: KeyConnection) {
    const asked = new Set(familyIds);
    const keys = await new FamilyKeyStore(db).existingKeys(asked, db);
    return (familyId: string) => {
      if (!asked.has(familyId)) throw new Error(`family personal data: the key of ${familyId} was not read with the others`);
      return opener(familyId, keys.get(familyId));
    };
  },
};

function opener(familyId: string, key: Buffer | undefined) {
  return <T>(sealed: string): T | undefined => (key ? openWith<T>(key, familyId, sealed as Sealed) : undefined);
}
