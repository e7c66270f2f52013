import { NotFoundError, ValidationError } from '#ardoise/kernel';
import type { ProjectionRunner } from '#ardoise/projections';

/** The projections a rebuild or a verification names: all of them, or one that exists. */
export function chosenProjections(runner: ProjectionRunner, projection: string | undefined, all: boolean): string[] {
  if (all) return runner.projectorNames;
  if (!projection) throw new ValidationError([{ field: 'projection', messages: ['Précisez une projection ou « all ».'] }]);
  if (!runner.projectorNames.includes(projection)) {
    throw new NotFoundError('AUDIT.UNKNOWN_PROJECTION', 'Projection inconnue.', `no projection named ${projection}`);
  }
  return [projection];
}
