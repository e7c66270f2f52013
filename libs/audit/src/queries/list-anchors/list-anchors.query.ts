import { Query } from '@nestjs/cqrs';
import type { Anchor } from '../../chain/anchor-hash.js';

/** The latest anchors of the log (a running hash every N events). */
export class ListAnchors extends Query<{ every: number; anchors: Anchor[] }> {}
