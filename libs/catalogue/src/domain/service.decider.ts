import { ConflictError, RuleViolationError } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import { SERVICE_DEFINED, type CatalogueEvent, type ServiceDefined } from './catalogue-events.js';

export type ServiceState = { defined: false } | { defined: true; service: ServiceDefined['data'] };

export interface DefineServiceCommand {
  type: 'DefineService';
  service: ServiceDefined['data'];
}

export type ServiceCommand = DefineServiceCommand;

export const serviceDecider: Decider<ServiceState, ServiceCommand, CatalogueEvent> = {
  initialState: () => ({ defined: false }),

  evolve(state, event) {
    switch (event.type) {
      case SERVICE_DEFINED:
        return { defined: true, service: event.data };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'DefineService': {
        if (state.defined) {
          throw new ConflictError(
            'CATALOGUE.SERVICE_ALREADY_DEFINED',
            'Une prestation porte déjà ce code.',
            `service ${command.service.code} already defined`,
          );
        }
        if (command.service.kind === 'canteen' && command.service.dailyCapacity !== null) {
          // Every pupil has the right to the school canteen (Code de l'éducation, L. 131-13).
          throw new RuleViolationError(
            'CATALOGUE.CANTEEN_CAPACITY_FORBIDDEN',
            'La restauration scolaire ne peut pas avoir de capacité maximale : chaque élève y a droit.',
          );
        }
        const weekdays = [...new Set(command.service.weekdays)].sort();
        return [{ type: SERVICE_DEFINED, data: { ...command.service, weekdays } }];
      }
    }
  },
};
