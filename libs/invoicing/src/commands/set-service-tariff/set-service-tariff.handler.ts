import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import type { Tariff } from '../../domain/tariff.js';
import { tariffDecider, tariffStream, type SetTariff } from '../../domain/tariff.decider.js';
import { SetServiceTariff } from './set-service-tariff.command.js';

@CommandHandler(SetServiceTariff)
export class SetServiceTariffHandler implements ICommandHandler<SetServiceTariff> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ tariff, unlessDecided }: SetServiceTariff): Promise<Tariff> {
    const command: SetTariff = { type: 'SetTariff', tariff, ...(unlessDecided ? { unlessDecided } : {}) };
    const result = await this.repository.handle(tariffStream(tariff.serviceCode), tariffDecider, command, currentContext(), { retriesOnConflict: 3 });
    return result.state.versions.at(-1)!;
  }
}
