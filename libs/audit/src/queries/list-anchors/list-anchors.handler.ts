import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Anchor } from '../../chain/anchor-hash.js';
import { AuditAnchors } from '../../chain/audit-anchors.js';
import { ListAnchors } from './list-anchors.query.js';

/** The last 100: enough to compare with an export; the rest stays in the table. */
const SHOWN = 100;

@QueryHandler(ListAnchors)
export class ListAnchorsHandler implements IQueryHandler<ListAnchors> {
  constructor(@Inject(AuditAnchors) private readonly anchors: AuditAnchors) {}

  async execute(): Promise<{ every: number; anchors: Anchor[] }> {
    return { every: this.anchors.every, anchors: (await this.anchors.list()).slice(-SHOWN) };
  }
}
