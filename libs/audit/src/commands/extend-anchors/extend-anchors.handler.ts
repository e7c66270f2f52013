import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditAnchors } from '../../chain/audit-anchors.js';
import { ExtendAnchors } from './extend-anchors.command.js';

@CommandHandler(ExtendAnchors)
export class ExtendAnchorsHandler implements ICommandHandler<ExtendAnchors> {
  constructor(@Inject(AuditAnchors) private readonly anchors: AuditAnchors) {}

  execute(): Promise<number> {
    return this.anchors.extend();
  }
}
