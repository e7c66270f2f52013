import { servicesProjector } from '#ardoise/catalogue';
import { familiesProjector, familyLoginsProjector } from '#ardoise/families';
import { INVOICING_PROJECTORS } from '#ardoise/invoicing';
import { newsProjector, notificationsProjector, requestNotifications, requestsProjector } from '#ardoise/messaging';
import type { Projector } from '#ardoise/projections';
import { reservationNotifications, reservationsProjector } from '#ardoise/reservations';

/** Every read model of Ardoise; each bounded context adds its projectors here. */
export const ALL_PROJECTORS: readonly Projector[] = [servicesProjector, familiesProjector, familyLoginsProjector, newsProjector, requestsProjector, notificationsProjector(requestNotifications, reservationNotifications), reservationsProjector, ...INVOICING_PROJECTORS];
