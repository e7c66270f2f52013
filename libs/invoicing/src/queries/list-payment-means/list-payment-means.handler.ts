import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '#ardoise/runtime';
import { ListPaymentMeans } from './list-payment-means.query.js';

@QueryHandler(ListPaymentMeans)
export class ListPaymentMeansHandler implements IQueryHandler<ListPaymentMeans> {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  async execute(): Promise<{ desk: string[] }> {
    return { desk: this.config.TOWN_ACCEPTS_CESU === true ? ['cash', 'cheque', 'cesu'] : ['cash', 'cheque'] };
  }
}
