import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { describeDeadlineRule } from '../../domain/deadline-rule.js';
import { CatalogueReader } from '../../readers/catalogue-reader.js';
import { GetService } from './get-service.query.js';
import type { ServiceDetailView } from './get-service.view.js';

@QueryHandler(GetService)
export class GetServiceHandler implements IQueryHandler<GetService> {
  constructor(@Inject(CatalogueReader) private readonly catalogue: CatalogueReader) {}

  async execute({ code }: GetService): Promise<ServiceDetailView> {
    const service = await this.catalogue.service(code);
    return {
      ...service,
      bookingText: service.booking ? describeDeadlineRule(service.booking) : null,
      cancellationText: service.cancellation ? describeDeadlineRule(service.cancellation) : null,
    };
  }
}
