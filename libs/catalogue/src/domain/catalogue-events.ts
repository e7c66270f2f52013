import type { DomainEvent } from '#ardoise/commands';
import type { ServiceKind, Weekday } from './service-kind.js';

export const SERVICE_DEFINED = 'ServiceDefined';

/** A prestation the town offers: its code is its identity (`service-<code>` stream). */
export type ServiceDefined = DomainEvent<
  typeof SERVICE_DEFINED,
  {
    code: string;
    label: string;
    kind: ServiceKind;
    weekdays: Weekday[];
    /** Places per day; null = no limit (always null for the canteen). */
    dailyCapacity: number | null;
  }
>;

export type CatalogueEvent = ServiceDefined;

export const serviceStream = (code: string) => `service-${code}`;
