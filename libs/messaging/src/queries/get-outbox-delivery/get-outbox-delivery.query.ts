import { Query } from '@nestjs/cqrs';
import type { OutboxDeliveryView } from '#ardoise/contracts';

/** Whether e-mails can leave (SMTP configured), and how many wait, by status. */
export class GetOutboxDelivery extends Query<OutboxDeliveryView> {}
