import { SetMetadata } from '@nestjs/common';

export const READS_FROM_KEY = 'ardoise:reads-from';

/**
 * Names the projections a query reads (on a controller or a handler), so that a query sent
 * with `Ardoise-Min-Position` waits for those only (docs/projections.md). Without it, it waits
 * for all of them; with no name at all, the query reads the event log itself (the audit) and
 * never waits for a read model.
 */
export const ReadsFrom = (...projections: string[]) => SetMetadata(READS_FROM_KEY, projections);
