import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * One AES-256 key per family, kept OUTSIDE the event log (table `family_keys`). Deleting
 * the key is the RGPD erasure of everything sealed with it ("crypto-shredding"): the
 * events stay, immutable and hash-chained, but their personal fields can no longer be read.
 */
export class FamilyKeyStore {
  constructor(private readonly db: Kysely<any>) {}

  /** The family's key, created on first use. */
  async keyFor(familyId: string, db: Kysely<any> = this.db): Promise<Buffer> {
    await db
      .insertInto('family_keys')
      .values({ family_id: familyId, key: randomBytes(32) })
      .onConflict((oc) => oc.column('family_id').doNothing())
      .execute();
    const key = await this.existingKey(familyId, db);
    if (!key) throw new Error(`family key vanished for ${familyId}`);
    return key;
  }

  /** The key, or undefined once the family has been forgotten. */
  async existingKey(familyId: string, db: Kysely<any> = this.db): Promise<Buffer | undefined> {
    const row = await db.selectFrom('family_keys').select('key').where('family_id', '=', familyId).executeTakeFirst();
    return row ? Buffer.from(row.key) : undefined;
  }

  async destroy(familyId: string, db: Kysely<any> = this.db): Promise<boolean> {
    const result = await db.deleteFrom('family_keys').where('family_id', '=', familyId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
