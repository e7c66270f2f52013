import { NotFoundError, RuleViolationError } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import type { BasketEvent, BasketValidated, ReservationRef } from './reservation-events.js';

/**
 * A family's basket ("demandes en cours"), shared by its guardians: the lines requested
 * and not yet validated. Small and private to one family; the competition for places
 * happens on the service days (service-day.decider.ts).
 */
export interface BasketState {
  pending: Map<string, ReservationRef>;
}

/** Enough for a month of every prestation for a large family, small enough to stay fast. */
export const MAX_BASKET_LINES = 400;

export type BasketCommand =
  | { type: 'AddLines'; familyId: string; lines: ReservationRef[] }
  | { type: 'RemoveLine'; familyId: string; reservationId: string }
  | { type: 'Settle'; familyId: string; results: BasketValidated['data']['lines'] };

const sameSlot = (a: ReservationRef, b: ReservationRef) => a.childId === b.childId && a.serviceCode === b.serviceCode && a.date === b.date;

export const basketDecider: Decider<BasketState, BasketCommand, BasketEvent> = {
  initialState: () => ({ pending: new Map() }),

  /** Pure: a new basket (the one given is left as it was). */
  evolve(state, event) {
    const pending = new Map(state.pending);
    switch (event.type) {
      case 'ReservationRequested':
        pending.set(event.data.reservationId, event.data);
        break;
      case 'BasketLineRemoved':
        pending.delete(event.data.reservationId);
        break;
      case 'BasketValidated':
        for (const line of event.data.lines) pending.delete(line.reservationId);
        break;
    }
    return { pending };
  },

  decide(command, state) {
    switch (command.type) {
      case 'AddLines': {
        const added: ReservationRef[] = [];
        for (const line of command.lines) {
          const already = [...state.pending.values(), ...added].some((p) => sameSlot(p, line));
          if (!already) added.push(line);
        }
        if (state.pending.size + added.length > MAX_BASKET_LINES) {
          throw new RuleViolationError('BASKET.TOO_LARGE', `Le panier ne peut pas dépasser ${MAX_BASKET_LINES} demandes : validez-le avant d’en ajouter.`);
        }
        return added.map((data) => ({ type: 'ReservationRequested' as const, data }));
      }
      case 'RemoveLine': {
        const line = state.pending.get(command.reservationId);
        if (!line) throw new NotFoundError('BASKET.LINE_NOT_FOUND', 'Cette demande n’est pas (ou plus) dans le panier.');
        return [{ type: 'BasketLineRemoved', data: line }];
      }
      case 'Settle': {
        const lines = command.results.filter((r) => state.pending.has(r.reservationId));
        if (lines.length === 0) return [];
        return [{ type: 'BasketValidated', data: { familyId: command.familyId, lines } }];
      }
    }
  },
};

/** The pending line for a slot, if the family already asked for it. */
export function pendingFor(state: BasketState, slot: Omit<ReservationRef, 'reservationId' | 'familyId'>): ReservationRef | undefined {
  return [...state.pending.values()].find((p) => p.childId === slot.childId && p.serviceCode === slot.serviceCode && p.date === slot.date);
}
