import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE, relationExists } from '#ardoise/database';
import { AccountReader } from '#ardoise/identity';
import { ATTACHMENTS_TABLE } from '../../attachments/attachment-store.js';
import { OUTBOX_TABLE } from '../../mail/outbox-mailer.js';
import { eraseFamilyRequests, REQUEST_ATTACHMENTS_TABLE, REQUEST_MESSAGES_TABLE, REQUESTS_TABLE } from '../../projections/erase-family-requests.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { NEWS_READS_TABLE } from '../../queries/list-news/news-views.js';
import { EraseFamilyMessaging } from './erase-family-messaging.command.js';

/**
 * The family's key is already destroyed (its sealed texts are unreadable in the log); this
 * deletes the plaintext copies messaging keeps. The read marks are found through the family's
 * logins, so it runs before they are deleted. Running it twice is harmless. The requests
 * projection also erases the threads on `FamilyForgotten` (a crash after the event, a rebuild).
 */
@CommandHandler(EraseFamilyMessaging)
export class EraseFamilyMessagingHandler implements ICommandHandler<EraseFamilyMessaging> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
    @Inject(AccountReader) private readonly accounts: AccountReader,
  ) {}

  async execute({ familyId }: EraseFamilyMessaging): Promise<void> {
    const logins = await this.accounts.familyLogins(familyId);
    // The threads' views appear with the requests projection's first build.
    const threadsBuilt = await relationExists(this.db, REQUESTS_TABLE);
    await this.db.transaction().execute(async (trx) => {
      // The requests projection erases the same rows on `FamilyForgotten`, at the same time:
      // both lock them in eraseFamilyRequests' order (threads, files, e-mails), or one of the
      // two transactions is aborted as a deadlock.
      if (threadsBuilt) {
        const views = {
          [REQUESTS_TABLE]: REQUESTS_TABLE,
          [REQUEST_MESSAGES_TABLE]: REQUEST_MESSAGES_TABLE,
          [REQUEST_ATTACHMENTS_TABLE]: REQUEST_ATTACHMENTS_TABLE,
        };
        await eraseFamilyRequests(trx, familyId, views);
      } else {
        await trx.deleteFrom(ATTACHMENTS_TABLE).where('family_id', '=', familyId).execute();
        await trx.deleteFrom(OUTBOX_TABLE).where('family_id', '=', familyId).execute();
      }
      if (logins.length > 0) await trx.deleteFrom(NEWS_READS_TABLE).where('account_id', 'in', logins).execute();
    });
  }
}
