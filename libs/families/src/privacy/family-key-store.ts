import { randomBytes } from 'node:crypto';
import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * Where the keys are read and written: the families' database, or the caller's own connection
 * or transaction (messaging seals its requests inside its projector's transaction), whatever the
 * caller's table types. Hence plain SQL on an executor rather than a typed query builder.
 */
export type KeyConnection = QueryExecutorProvider;

/**
 * One AES-256 key per family, kept OUTSIDE the event log (table `family_keys`). Deleting
 * the key is the RGPD erasure of everything sealed with it ("crypto-shredding"): the
 * events stay, immutable and hash-chained, but their personal fields can no longer be read.
 */
export class FamilyKeyStore {
  constructor(private readonly db: KeyConnection) {}

  /** The family's key, created on first use. */
  async keyFor(familyId: string, db: KeyConnection = this.db): Promise<Buffer> {
    await sql`INSERT INTO family_keys (family_id, key) VALUES (${familyId}, ${randomBytes(32)}) ON CONFLICT (family_id) DO NOTHING`.execute(db);
    const key = await this.existingKey(familyId, db);
    if (!key) throw new Error(`family key vanished for ${familyId}`);
    return key;
  }

  /** The key, or undefined once the family has been forgotten. */
  async existingKey(familyId: string, db: KeyConnection = this.db): Promise<Buffer | undefined> {
    const { rows } = await sql<{ key: Buffer }>`SELECT key FROM family_keys WHERE family_id = ${familyId}`.execute(db);
    return rows[0] ? Buffer.from(rows[0].key) : undefined;
  }

  /** The keys of these families that still exist (one query), by family id. */
  async existingKeys(familyIds: Iterable<string>, db: KeyConnection = this.db): Promise<Map<string, Buffer>> {
    const ids = [...new Set(familyIds)];
    const keys = new Map<string, Buffer>();
    if (ids.length === 0) return keys;
    const { rows } = await sql<{ family_id: string; key: Buffer }>`SELECT family_id, key FROM family_keys WHERE family_id = ANY(${ids}::uuid[])`.execute(db);
    for (const row of rows) keys.set(String(row.family_id), Buffer.from(row.key));
    return keys;
  }

  async destroy(familyId: string, db: KeyConnection = this.db): Promise<boolean> {
    const result = await sql`DELETE FROM family_keys WHERE family_id = ${familyId}`.execute(db);
    return Number(result.numAffectedRows ?? 0) > 0;
  }
}
