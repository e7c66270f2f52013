import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TownCalendar } from '../../domain/town-calendar.js';
import { CatalogueReader } from '../../readers/catalogue-reader.js';
import { GetCalendar } from './get-calendar.query.js';

@QueryHandler(GetCalendar)
export class GetCalendarHandler implements IQueryHandler<GetCalendar> {
  constructor(@Inject(CatalogueReader) private readonly catalogue: CatalogueReader) {}

  execute(): Promise<TownCalendar> {
    return this.catalogue.calendar();
  }
}
