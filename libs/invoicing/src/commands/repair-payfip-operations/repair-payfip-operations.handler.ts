import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { CLOCK, runInContext, systemContext, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AppError } from '#ardoise/kernel';
import { LOGGER } from '#ardoise/runtime';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { SettlePayfipOperation } from '../settle-payfip-operation/settle-payfip-operation.command.js';
import { RepairPayfipOperations } from './repair-payfip-operations.command.js';

type RepairOutcome = { checked: number; settled: number };

/**
 * The repair job: asks again about every operation still pending a minute after it began.
 * Each run is noted (`invoicing_payfip_repair_runs`) so that finance sees when it last ran.
 */
@CommandHandler(RepairPayfipOperations)
export class RepairPayfipOperationsHandler implements ICommandHandler<RepairPayfipOperations> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ trigger }: RepairPayfipOperations): Promise<RepairOutcome> {
    const startedAt = this.clock.now();
    let outcome: RepairOutcome | undefined;
    let failure: unknown;
    try {
      outcome = await this.repairPending();
      return outcome;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      await this.noteRepairRun(trigger, startedAt, outcome, failure).catch((error) => this.logger.warn({ err: String(error) }, 'PayFIP repair run not noted'));
    }
  }

  private async noteRepairRun(trigger: 'schedule' | 'finance', startedAt: Date, outcome: RepairOutcome | undefined, failure: unknown) {
    const finishedAt = this.clock.now();
    await this.db
      .insertInto('invoicing_payfip_repair_runs')
      .values({
        run_id: randomUUID(),
        trigger,
        started_at: startedAt,
        finished_at: finishedAt,
        checked: outcome?.checked ?? 0,
        settled: outcome?.settled ?? 0,
        error: failure === undefined ? null : failure instanceof AppError ? failure.code : 'Erreur inattendue (voir le journal du serveur)',
      })
      .execute();
    await this.db
      .deleteFrom('invoicing_payfip_repair_runs')
      .where('started_at', '<', new Date(finishedAt.getTime() - 7 * 86_400_000))
      .execute();
  }

  private async repairPending(): Promise<RepairOutcome> {
    const pending = await this.db
      .selectFrom('invoicing_payfip_operations')
      .select('operation_id')
      .where('status', '=', 'pending')
      .where('created_at', '<', new Date(this.clock.now().getTime() - 60_000))
      .execute();
    let settled = 0;
    for (const { operation_id } of pending) {
      try {
        const outcome = await runInContext(systemContext(), () => this.commands.execute(new SettlePayfipOperation(operation_id, true)));
        if (outcome !== 'pending') settled += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.logger.warn({ operationId: operation_id, code: error.code }, 'PayFIP repair could not settle an operation');
      }
    }
    return { checked: pending.length, settled };
  }
}
