import { servicesProjector } from '#ardoise/catalogue';
import type { Projector } from '#ardoise/projections';

/** Every read model of Ardoise; each bounded context adds its projectors here. */
export const ALL_PROJECTORS: readonly Projector[] = [servicesProjector];
