import { Body, Controller, Inject, Module, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IsInt, Max, Min } from 'class-validator';
import { AggregateRepository, currentContext, type Decider, type DomainEvent } from '#ardoise/commands';
import { RuleViolationError } from '#ardoise/kernel';
import { Public } from '#ardoise/identity';

/**
 * A test-only aggregate that drives the real command pipeline end to end (controller →
 * CommandBus → handler → repository → event store), so the pipeline is proven before
 * the bounded contexts put their own commands on it.
 */
type TallyIncremented = DomainEvent<'TallyIncremented', { amount: number }>;
type TallyState = { total: number };
export const tallyDecider: Decider<TallyState, { amount: number }, TallyIncremented> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
  decide: (command, state) => {
    if (state.total + command.amount > 1000) {
      throw new RuleViolationError('TALLY.LIMIT_REACHED', 'Le total ne peut pas dépasser 1000.');
    }
    return [{ type: 'TallyIncremented', data: { amount: command.amount } }];
  },
};

class IncrementTally extends Command<{ total: number; revision: string }> {
  constructor(
    readonly tallyId: string,
    readonly amount: number,
  ) {
    super();
  }
}

@CommandHandler(IncrementTally)
class IncrementTallyHandler implements ICommandHandler<IncrementTally> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}
  async execute(command: IncrementTally) {
    const result = await this.repository.handle(`tally-${command.tallyId}`, tallyDecider, { amount: command.amount }, currentContext(), {
      retriesOnConflict: 50,
    });
    return { total: result.state.total, revision: String(result.nextRevision) };
  }
}

class IncrementTallyRequest {
  @IsInt()
  @Min(1)
  @Max(100)
  amount!: number;
}

@Public()
@Controller('test-probe/tallies')
class TallyController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}
  @Post(':id/increments')
  increment(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: IncrementTallyRequest) {
    return this.commands.execute(new IncrementTally(id, body.amount));
  }
}

@Module({ controllers: [TallyController], providers: [IncrementTallyHandler] })
export class TallyProbeModule {}
