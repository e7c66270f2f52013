import { servicesProjector } from '#ardoise/catalogue';
import { familiesProjector, familyLoginsProjector } from '#ardoise/families';
import type { Projector } from '#ardoise/projections';

/** Every read model of Ardoise; each bounded context adds its projectors here. */
export const ALL_PROJECTORS: readonly Projector[] = [servicesProjector, familiesProjector, familyLoginsProjector];
