import { Query } from '@nestjs/cqrs';
import type { DeadlinePreview } from '../../domain/deadline-preview.js';
import type { PreviewBookingRulesRequest } from './preview-booking-rules.request.js';

/** What a draft règlement gives for chosen days (« réservable jusqu’au … »); nothing is saved. */
export class PreviewBookingRules extends Query<{ days: DeadlinePreview[] }> {
  constructor(
    readonly code: string,
    readonly draft: PreviewBookingRulesRequest,
  ) {
    super();
  }
}
