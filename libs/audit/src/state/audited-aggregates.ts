import type { Decider } from '#ardoise/commands';
import { assertStreamCategory, NotFoundError, streamCategory } from '#ardoise/kernel';

/** How to fold one category of streams into a state: the context's own decider. */
export interface AuditedAggregate {
  /** Stream category: the part before the first '-' (`service_day` for `service_day-CANTINE-2026-09-01`). */
  category: string;
  /** French, for auditors, e.g. 'Prestation'. */
  label: string;

  decider: Pick<Decider<any, any, any>, 'initialState' | 'evolve' | 'evolveAll'>;
}

/**
 * The deciders auditors can fold streams with, by category. Each bounded context adds its
 * own (libs/composition/src/audited-aggregates.ts); a test may register one at run time.
 */
export class AuditedAggregates {
  private readonly byCategory = new Map<string, AuditedAggregate>();

  constructor(aggregates: readonly AuditedAggregate[] = []) {
    for (const aggregate of aggregates) this.register(aggregate);
  }

  register(aggregate: AuditedAggregate): void {
    assertStreamCategory(aggregate.category);
    if (this.byCategory.has(aggregate.category)) throw new Error(`Stream category "${aggregate.category}" registered twice`);
    this.byCategory.set(aggregate.category, aggregate);
  }

  categories(): AuditedAggregate[] {
    return [...this.byCategory.values()];
  }

  /** The aggregate that folds `streamId`, or a 404 saying no state model is known for it. */
  forStream(streamId: string): AuditedAggregate {
    const aggregate = this.byCategory.get(streamCategory(streamId));
    if (!aggregate) {
      throw new NotFoundError(
        'AUDIT.NO_STATE_MODEL',
        "Aucun modèle d'état n'est connu pour ce type de flux : consultez ses événements.",
        `no decider registered for the category of ${streamId}`,
      );
    }
    return aggregate;
  }
}
