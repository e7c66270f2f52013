import { Command } from '@nestjs/cqrs';

/** Remove a child from the household. */
export class RemoveChild extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly childId: string,
  ) {
    super();
  }
}
