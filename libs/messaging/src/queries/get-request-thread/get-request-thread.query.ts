import { Query } from '@nestjs/cqrs';
import type { RequestThreadView } from '#ardoise/contracts';

/** A thread with its messages and files (another family's answers 404). */
export class GetRequestThread extends Query<RequestThreadView> {
  constructor(readonly requestId: string) {
    super();
  }
}
