import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import type { FilesTable, InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ListFinanceFiles, type FinanceFileView } from './list-finance-files.query.js';

@QueryHandler(ListFinanceFiles)
export class ListFinanceFilesHandler implements IQueryHandler<ListFinanceFiles> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  execute({ kind }: ListFinanceFiles): Promise<FinanceFileView[]> {
    return this.read(kind);
  }

  async read(kind: string | undefined) {
    let query = this.db.selectFrom('invoicing_files').select(['file_id', 'kind', 'file_name', 'summary', 'created_at']);
    if (kind) query = query.where('kind', '=', kind as FilesTable['kind']);
    const rows = await query.orderBy('created_at', 'desc').limit(200).execute();
    return rows.map((r) => ({
      fileId: r.file_id,
      kind: r.kind as string,
      fileName: r.file_name,
      summary: r.summary,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
