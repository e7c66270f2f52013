import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FinanceFiles, type StoredFile } from '../../payments/direct-debit/finance-files.js';
import { GetFinanceFile } from './get-finance-file.query.js';

@QueryHandler(GetFinanceFile)
export class GetFinanceFileHandler implements IQueryHandler<GetFinanceFile> {
  constructor(@Inject(FinanceFiles) private readonly files: FinanceFiles) {}

  execute({ fileId }: GetFinanceFile): Promise<StoredFile & { content: string }> {
    return this.files.get(fileId);
  }
}
