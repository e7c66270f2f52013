import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { RuleViolationError } from '#ardoise/kernel';
import { identityTables, type CallerConnection, type IdentityDatabase } from '../projections/identity-database.js';

export type TokenPurpose = 'activation' | 'password-reset' | 'email-change' | 'guardian-invitation' | 'staff-activation';

export interface ConsumedToken {
  subject: string;
  payload: Record<string, unknown>;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Single-use, expiring links (activation, password reset, e-mail change). Only a hash of
 * the token is stored; issuing a new token for the same purpose and subject revokes the
 * older ones ("the old link dies").
 */
export class OneTimeTokenStore {
  constructor(private readonly db: Kysely<IdentityDatabase>) {}

  async issue(purpose: TokenPurpose, subject: string, ttlSeconds: number, payload: Record<string, unknown> = {}): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('one_time_tokens')
        .set({ revoked_at: sql`now()` })
        .where('purpose', '=', purpose)
        .where('subject', '=', subject)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
      await trx
        .insertInto('one_time_tokens')
        .values({
          token_hash: digest(token),
          purpose,
          subject,
          payload: JSON.stringify(payload),
          expires_at: sql`now() + make_interval(secs => ${ttlSeconds})`,
        })
        .execute();
    });
    return token;
  }

  /** Kills every live link of these purposes for the subject (e.g. reset links after a password change). */
  async revokeAll(subject: string, purposes: TokenPurpose[], connection: CallerConnection = this.db): Promise<void> {
    const db = identityTables(connection);
    await db
      .updateTable('one_time_tokens')
      .set({ revoked_at: sql`now()` })
      .where('subject', '=', subject)
      .where('purpose', 'in', purposes)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** RGPD erasure of a family: its links go, those naming it as their subject and those carrying it (a guardian's invitation). */
  async deleteFamilyLinks(familyId: string): Promise<void> {
    await this.db
      .deleteFrom('one_time_tokens')
      .where((eb) => eb.or([eb('subject', '=', familyId), eb(sql<string>`payload->>'familyId'`, '=', familyId)]))
      .execute();
  }

  /** Marks the token used, atomically; a used, revoked, expired or unknown token is refused alike. */
  async consume(purpose: TokenPurpose, token: string, connection: CallerConnection = this.db): Promise<ConsumedToken> {
    const db = identityTables(connection);
    const found = await this.peek(purpose, token, db);
    const { rows } = await sql<{ subject: string }>`
      UPDATE one_time_tokens SET used_at = now()
      WHERE token_hash = ${digest(token)} AND purpose = ${purpose}
        AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING subject`.execute(db);
    if (rows.length === 0) throw invalidLink();
    return found;
  }

  /** Reads a valid token without using it (e.g. to show the e-mail on the activation page). */
  async peek(purpose: TokenPurpose, token: string, connection: CallerConnection = this.db): Promise<ConsumedToken> {
    const db = identityTables(connection);
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalidLink();
    const row = await db
      .selectFrom('one_time_tokens')
      .select(['subject', 'payload'])
      .where('token_hash', '=', digest(token))
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (!row) throw invalidLink();
    return { subject: row.subject, payload: row.payload };
  }
}

function invalidLink(): RuleViolationError {
  return new RuleViolationError(
    'LINK.INVALID',
    "Ce lien n'est plus valable (déjà utilisé, expiré ou remplacé par un lien plus récent). Demandez-en un nouveau.",
  );
}
