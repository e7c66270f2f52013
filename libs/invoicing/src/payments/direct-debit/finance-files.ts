import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { NotFoundError } from '#ardoise/kernel';

export interface StoredFile {
  fileId: string;
  kind: 'sepa_collection' | 'collection_titles';
  fileName: string;
  mediaType: string;
  summary: Record<string, unknown>;
}

/** Files made for the bank and the public accountant, kept to be downloaded again. */
@Injectable()
export class FinanceFiles {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  async save(file: Omit<StoredFile, 'fileId'> & { content: string }): Promise<StoredFile> {
    const fileId = randomUUID();
    await this.db
      .insertInto('invoicing_files')
      .values({
        file_id: fileId,
        kind: file.kind,
        file_name: file.fileName,
        media_type: file.mediaType,
        content: file.content,
        summary: JSON.stringify(file.summary),
        created_by: currentContext().actor.userId,
        created_at: new Date(),
      })
      .execute();
    const { content: _, ...rest } = file;
    return { fileId, ...rest };
  }

  async get(fileId: string): Promise<StoredFile & { content: string }> {
    const row = await this.db.selectFrom('invoicing_files').selectAll().where('file_id', '=', fileId).executeTakeFirst();
    if (!row) throw new NotFoundError('FILE.NOT_FOUND', 'Fichier introuvable.');
    return { fileId: row.file_id, kind: row.kind, fileName: row.file_name, mediaType: row.media_type, summary: row.summary, content: row.content };
  }
}
