import { Command } from '@nestjs/cqrs';
import type { Tariff } from '../../domain/tariff.js';
import type { SetTariff } from '../../domain/tariff.decider.js';

/** A new price grid for a service from its effective date (the invoices keep the grid they applied). */
export class SetServiceTariff extends Command<Tariff> {
  constructor(
    readonly tariff: SetTariff['tariff'],
    /** The demo seed: leave a service that already has a grid as it is. */
    readonly unlessDecided = false,
  ) {
    super();
  }
}
