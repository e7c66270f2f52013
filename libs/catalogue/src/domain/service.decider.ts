import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import {
  BOOKING_RULES_SET,
  HOLIDAY_OPENING_SCHEDULED,
  SERVICE_CAPACITY_CHANGED,
  SERVICE_DEFINED,
  SESSION_START_SET,
  type BookingRulesSet,
  type HolidayOpening,
  type ServiceDefined,
  type ServiceEvent,
} from './catalogue-events.js';
import { sameFacts } from './same-facts.js';
import { deadlineRuleProblems, needsStartTime, type ClockTime } from './deadline-rule.js';
import type { ServiceSeason } from './town-calendar.js';

/** What the booking side needs to know of a prestation. */
export interface ServiceConfig extends Readonly<ServiceDefined['data']> {
  startTime: ClockTime | null;
  season: ServiceSeason;
  booking: BookingRulesSet['data']['booking'] | null;
  cancellation: BookingRulesSet['data']['cancellation'] | null;
  openings: HolidayOpening[];
}

export type ServiceState = { defined: false } | { defined: true; service: ServiceConfig };

export interface DefineServiceCommand {
  type: 'DefineService';
  service: ServiceDefined['data'];
}
export interface SetBookingRulesCommand {
  type: 'SetBookingRules';
  rules: BookingRulesSet['data'];
  /** The demo seed: do nothing when the town has already set this prestation's règlement. */
  unlessDecided?: boolean;
}
export interface ScheduleOpeningCommand {
  type: 'ScheduleOpening';
  opening: HolidayOpening;
  /** The demo seed: do nothing when this opening, or another on its dates, is already scheduled. */
  unlessDecided?: boolean;
}

export interface ChangeCapacityCommand {
  type: 'ChangeCapacity';
  dailyCapacity: number | null;
}
export interface SetSessionStartCommand {
  type: 'SetSessionStart';
  startTime: ClockTime;
  /** The demo seed: do nothing when the town has already set a start time. */
  unlessDecided?: boolean;
}

export type ServiceCommand = DefineServiceCommand | SetBookingRulesCommand | ScheduleOpeningCommand | ChangeCapacityCommand | SetSessionStartCommand;

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Until the town sets a season, leisure days in the holidays run in the holidays; the rest in school time. */
const defaultSeason = (service: ServiceDefined['data']): ServiceSeason => (service.code === 'VACANCES' ? 'holidays' : 'school');

export const serviceDecider: Decider<ServiceState, ServiceCommand, ServiceEvent> = {
  initialState: () => ({ defined: false }),

  evolve(state, event) {
    switch (event.type) {
      case SERVICE_DEFINED:
        return {
          defined: true,
          service: {
            ...event.data,
            startTime: event.data.startTime ?? null,
            season: defaultSeason(event.data),
            booking: null,
            cancellation: null,
            openings: [],
          },
        };
      case SERVICE_CAPACITY_CHANGED:
        if (!state.defined) return state;
        return { defined: true, service: { ...state.service, dailyCapacity: event.data.dailyCapacity } };
      case SESSION_START_SET:
        if (!state.defined) return state;
        return { defined: true, service: { ...state.service, startTime: event.data.startTime } };
      case BOOKING_RULES_SET:
        if (!state.defined) return state;
        return {
          defined: true,
          service: { ...state.service, season: event.data.season, booking: event.data.booking, cancellation: event.data.cancellation },
        };
      case HOLIDAY_OPENING_SCHEDULED:
        if (!state.defined) return state;
        return {
          defined: true,
          service: {
            ...state.service,
            openings: [...state.service.openings.filter((o) => o.openingId !== event.data.openingId), event.data],
          },
        };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'DefineService': {
        if (state.defined) {
          throw new ConflictError('CATALOGUE.SERVICE_ALREADY_DEFINED', 'Une prestation porte déjà ce code.', `service ${command.service.code} already defined`);
        }
        if (command.service.kind === 'canteen' && command.service.dailyCapacity !== null) {
          // Every pupil has the right to the school canteen (Code de l'éducation, L. 131-13).
          throw new RuleViolationError(
            'CATALOGUE.CANTEEN_CAPACITY_FORBIDDEN',
            'La restauration scolaire ne peut pas avoir de capacité maximale : chaque élève y a droit.',
          );
        }
        if (command.service.startTime != null && !CLOCK_TIME.test(command.service.startTime)) throw startTimeInvalid();
        const weekdays = [...new Set(command.service.weekdays)].sort();
        return [{ type: SERVICE_DEFINED, data: { ...command.service, weekdays } }];
      }
      case 'ChangeCapacity': {
        if (!state.defined) throw serviceNotFound();
        const previous = state.service.dailyCapacity;
        if (state.service.kind === 'canteen' && command.dailyCapacity !== null) {
          throw new RuleViolationError(
            'CATALOGUE.CANTEEN_CAPACITY_FORBIDDEN',
            'La restauration scolaire ne peut pas avoir de capacité maximale : chaque élève y a droit.',
          );
        }
        if (previous === command.dailyCapacity) return [];
        return [{ type: SERVICE_CAPACITY_CHANGED, data: { code: state.service.code, dailyCapacity: command.dailyCapacity, previous } }];
      }
      case 'SetSessionStart': {
        if (!state.defined) throw serviceNotFound();
        if (!CLOCK_TIME.test(command.startTime)) throw startTimeInvalid();
        if (state.service.startTime === command.startTime) return [];
        if (command.unlessDecided && state.service.startTime) return [];
        return [{ type: SESSION_START_SET, data: { code: state.service.code, startTime: command.startTime } }];
      }
      case 'SetBookingRules': {
        if (!state.defined) throw serviceNotFound();
        const problems = [
          ...deadlineRuleProblems(command.rules.booking).map((m) => ({ field: 'booking', m })),
          ...deadlineRuleProblems(command.rules.cancellation).map((m) => ({ field: 'cancellation', m })),
        ];
        for (const field of ['booking', 'cancellation'] as const) {
          const rule = command.rules[field];
          if (problems.length === 0 && needsStartTime(rule) && !state.service.startTime) {
            problems.push({ field, m: 'Indiquez d’abord l’heure de début des séances de cette prestation.' });
          }
        }
        if (problems.length > 0) {
          throw new ValidationError(problems.map((p) => ({ field: p.field, messages: [p.m] })));
        }
        const current = state.service;
        if (command.unlessDecided && current.booking !== null) return [];
        if (
          current.season === command.rules.season &&
          sameFacts(current.booking, command.rules.booking) &&
          sameFacts(current.cancellation, command.rules.cancellation)
        ) {
          return []; // the same règlement again: nothing new to record
        }
        return [{ type: BOOKING_RULES_SET, data: command.rules }];
      }
      case 'ScheduleOpening': {
        if (!state.defined) throw serviceNotFound();
        const opening = command.opening;
        if (opening.from > opening.to) {
          throw new ValidationError([{ field: 'to', messages: ['La fin de la période doit suivre son début.'] }]);
        }
        if (opening.mode === 'allocation' && (!opening.requestsCloseAt || opening.requestsCloseAt <= opening.opensAt)) {
          throw new ValidationError([{ field: 'requestsCloseAt', messages: ['Une attribution demande une fin de dépôt des demandes après l’ouverture.'] }]);
        }
        const same = state.service.openings.find((o) => o.openingId === opening.openingId);
        if (same && sameFacts(same, opening)) return [];
        const overlapping = state.service.openings.find((o) => o.openingId !== opening.openingId && o.from <= opening.to && opening.from <= o.to);
        if (command.unlessDecided && (same || overlapping)) return [];
        if (overlapping) {
          throw new ConflictError('CATALOGUE.OPENING_OVERLAPS', 'Une ouverture est déjà prévue sur ces dates.');
        }
        return [{ type: HOLIDAY_OPENING_SCHEDULED, data: opening }];
      }
    }
  },
};

function startTimeInvalid(): ValidationError {
  return new ValidationError([{ field: 'startTime', messages: ['L’heure de début doit s’écrire HH:MM.'] }]);
}

export function serviceNotFound(): NotFoundError {
  return new NotFoundError('CATALOGUE.SERVICE_NOT_FOUND', 'Prestation introuvable.');
}
