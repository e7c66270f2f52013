import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Tariff } from '../../domain/tariff.js';
import { TariffBookReader } from '../../tariffs/tariff-book.reader.js';
import { ListTariffs } from './list-tariffs.query.js';

@QueryHandler(ListTariffs)
export class ListTariffsHandler implements IQueryHandler<ListTariffs> {
  constructor(@Inject(TariffBookReader) private readonly tariffs: TariffBookReader) {}

  async execute(): Promise<Tariff[]> {
    return (await this.tariffs.book()).all();
  }
}
