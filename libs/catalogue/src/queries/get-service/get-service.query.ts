import { Query } from '@nestjs/cqrs';
import type { ServiceDetailView } from './get-service.view.js';

/** One prestation with its règlement (also in words) and its holiday openings. */
export class GetService extends Query<ServiceDetailView> {
  constructor(readonly code: string) {
    super();
  }
}
