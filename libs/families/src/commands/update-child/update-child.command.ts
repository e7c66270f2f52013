import { Command } from '@nestjs/cqrs';
import type { ChildInput } from '../../requests/child.input.js';

/** Change a child's details. */
export class UpdateChild extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly childId: string,
    readonly child: ChildInput,
  ) {
    super();
  }
}
