import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { ATTACHMENTS_TABLE } from '../attachments/attachment-store.js';
import { requestStream } from '../domain/request-events.js';
import { OUTBOX_TABLE } from '../mail/outbox-mailer.js';
import { REQUESTS_TABLE } from '../projections/erase-family-requests.js';
import type { MessagingDatabase } from '../projections/messaging-database.js';

/** What messaging holds of a family, as its erasure will treat it. */
export interface FamilyMessagingHoldings {
  /** The streams of the family's request threads: their texts are sealed with the family's key. */
  requestStreams: string[];
  /** Files attached to its requests (deleted). */
  files: number;
  /** E-mails to it in the outbox (deleted). */
  emails: number;
}

/** What other contexts read of messaging about one family (the erasure preview). */
@Injectable()
export class FamilyMessagingReader {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>) {}

  async holdings(familyId: string): Promise<FamilyMessagingHoldings> {
    const requests = await this.db.selectFrom(REQUESTS_TABLE).select('id').where('family_id', '=', familyId).orderBy('opened_at').orderBy('id').execute();
    const count = async (table: typeof ATTACHMENTS_TABLE | typeof OUTBOX_TABLE) => {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('family_id', '=', familyId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    return { requestStreams: requests.map((r) => requestStream(r.id)), files: await count(ATTACHMENTS_TABLE), emails: await count(OUTBOX_TABLE) };
  }
}
