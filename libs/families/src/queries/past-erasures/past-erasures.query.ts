import { Query } from '@nestjs/cqrs';
import type { ErasureRecord } from '#ardoise/contracts';

/** Past erasures, newest first: family id, when, who (a staff name; never the family's). */
export class PastErasures extends Query<ErasureRecord[]> {}
