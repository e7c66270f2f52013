import type { ServiceConfig } from '../../domain/service.decider.js';

/** A prestation as parents read it: its règlement also in French words. */
export type ServiceDetailView = ServiceConfig & { bookingText: string | null; cancellationText: string | null };
