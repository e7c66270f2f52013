import { Query } from '@nestjs/cqrs';
import type { AllocationResult } from './get-allocation-result.view.js';

/** The result of a holiday opening's allocation: the order of the families, and what each child got. */
export class GetAllocationResult extends Query<AllocationResult> {
  constructor(
    readonly serviceCode: string,
    readonly openingId: string,
  ) {
    super();
  }
}
