import { Command } from '@nestjs/cqrs';
import type { ChildInput } from '../../requests/child.input.js';

/** Register a child of the household in the family file. */
export class RegisterChild extends Command<{ childId: string }> {
  constructor(
    readonly familyId: string,
    readonly child: ChildInput,
  ) {
    super();
  }
}
