import { Query } from '@nestjs/cqrs';

/** The means accepted at the régie's desk (CESU as TOWN_ACCEPTS_CESU says). */
export class ListPaymentMeans extends Query<{ desk: string[] }> {}
