import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MessagingDatabase } from '../projections/messaging-database.js';

export const ATTACHMENTS_TABLE = 'attachments';

export interface StoredAttachment {
  id: string;
  familyId: string;
  requestId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export const sha256Of = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

/** The bytes of request attachments, outside the event log (erased with the family). */
export class AttachmentStore {
  constructor(private readonly db: Kysely<MessagingDatabase>) {}

  async save(attachment: StoredAttachment, content: Uint8Array): Promise<void> {
    await this.db
      .insertInto(ATTACHMENTS_TABLE)
      .values({
        id: attachment.id,
        family_id: attachment.familyId,
        request_id: attachment.requestId,
        file_name: attachment.fileName,
        media_type: attachment.mediaType,
        size: attachment.size,
        sha256: attachment.sha256,
        content: Buffer.from(content),
      })
      .execute();
  }

  /** Undoes `save` when the event could not be recorded (the request was closed meanwhile…). */
  async discard(id: string): Promise<void> {
    await this.db.deleteFrom(ATTACHMENTS_TABLE).where('id', '=', id).execute();
  }

  async find(requestId: string, id: string): Promise<(StoredAttachment & { content: Buffer }) | undefined> {
    const row = await this.db.selectFrom(ATTACHMENTS_TABLE).selectAll().where('id', '=', id).where('request_id', '=', requestId).executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      familyId: row.family_id,
      requestId: row.request_id,
      fileName: row.file_name,
      mediaType: row.media_type,
      size: row.size,
      sha256: row.sha256,
      content: row.content,
    };
  }

  async eraseFamily(familyId: string): Promise<number> {
    const result = await this.db.deleteFrom(ATTACHMENTS_TABLE).where('family_id', '=', familyId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
