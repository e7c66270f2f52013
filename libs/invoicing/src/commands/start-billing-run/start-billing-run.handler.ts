import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { AggregateRepository, CLOCK, currentContext, type Clock, type RequestContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AppError, ConflictError, RuleViolationError, sleep, addDays, parisDate } from '#ardoise/kernel';
import { AppConfig, LOGGER } from '#ardoise/runtime';
import { BillingInputsCatchUp } from '../../billing-run/billing-inputs-catch-up.js';
import { BillingInputsReader } from '../../billing-run/billing-inputs.reader.js';
import type { BillingRunProgress } from '#ardoise/contracts';
import { billingProgress } from '../../billing-run/billing-progress.js';
import { InvoiceIssuer, type DraftToIssue } from '../../billing-run/invoice-issuer.js';
import { draftInvoice, monthBounds } from '../../domain/billing.js';
import { monthlyInvoiceKey } from '../../domain/invoice-number.js';
import { billingRunStream } from '../../domain/invoice-events.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { TariffBookReader } from '../../tariffs/tariff-book.reader.js';
import { StartBillingRun } from './start-billing-run.command.js';

const BATCH = 100;
/** A "running" run not updated for this long died with its process: another may start. */
const STALE_AFTER_MS = 5 * 60_000;

/**
 * The monthly run: one invoice per family from the month's billable days, at the family's
 * tariff. Safe to run again, or twice at once: each family-month has one invoice id and one
 * number (see InvoiceIssuer), and a family with nothing to pay gets nothing.
 */
@CommandHandler(StartBillingRun)
export class StartBillingRunHandler implements ICommandHandler<StartBillingRun> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(TariffBookReader) private readonly tariffs: TariffBookReader,
    @Inject(BillingInputsReader) private readonly inputs: BillingInputsReader,
    @Inject(InvoiceIssuer) private readonly issuer: InvoiceIssuer,
    @Inject(BillingInputsCatchUp) private readonly catchUp: BillingInputsCatchUp,
  ) {}

  async execute({ period, trigger, waitForEnd, onProgress }: StartBillingRun): Promise<BillingRunProgress> {
    const started = await this.start(period, trigger);
    if (!waitForEnd) return started;
    for (;;) {
      await sleep(100);
      const progress = (await billingProgress(this.db, started.runId))!;
      onProgress?.(progress);
      if (progress.status !== 'running') return progress;
    }
  }

  /** Starts a run in the background and answers with its first progress. */
  private async start(period: string, trigger: StartBillingRun['trigger']): Promise<BillingRunProgress> {
    const context = currentContext();
    this.assertMonthOver(period);
    // Facts recorded just before the run (a mark, a late booking) are billed by this run.
    await this.catchUp.waitForLatestFacts();
    const runId = randomUUID();
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`billing-run:${period}`}))`.execute(trx);
      const running = await trx
        .selectFrom('invoicing_billing_runs')
        .select('run_id')
        .where('period', '=', period)
        .where('status', '=', 'running')
        .where('updated_at', '>', new Date(Date.now() - STALE_AFTER_MS))
        .executeTakeFirst();
      if (running) throw new ConflictError('BILLING.RUN_IN_PROGRESS', 'Une facturation de ce mois est déjà en cours.', undefined, { runId: running.run_id });
      await trx
        .insertInto('invoicing_billing_runs')
        .values({ run_id: runId, period, trigger, status: 'running', requested_by: context.actor.userId, started_at: now, updated_at: new Date() })
        .execute();
    });
    const run = this.run(runId, period, context);
    run.catch(() => undefined); // failures are recorded on the run
    return (await billingProgress(this.db, runId))!;
  }

  private assertMonthOver(period: string): void {
    if (monthBounds(period).to >= parisDate(this.clock.now())) {
      throw new RuleViolationError('BILLING.MONTH_NOT_OVER', 'Un mois ne se facture qu’une fois terminé.', undefined, { period });
    }
  }

  private async run(runId: string, period: string, context: RequestContext): Promise<void> {
    const started = Date.now();
    const counts = { total: 0, done: 0, issued: 0, skipped: 0, failed: 0, amount_cents: 0 };
    const errors: BillingRunProgress['errors'] = [];
    const save = (extra: { status?: 'completed' | 'failed'; finished_at?: Date } = {}) =>
      this.db
        .updateTable('invoicing_billing_runs')
        .set({ ...counts, errors: JSON.stringify(errors.slice(0, 50)), updated_at: new Date(), ...extra })
        .where('run_id', '=', runId)
        .execute();
    try {
      const [inputs, book] = await Promise.all([this.inputs.forMonth(period), this.tariffs.book()]);
      const families = [...inputs.days.keys()].sort();
      counts.total = families.length;
      await save();
      const issuedOn = parisDate(this.clock.now());
      const dates = { issuedOn, dueDate: addDays(issuedOn, this.config.INVOICE_DUE_DAYS) };
      for (let i = 0; i < families.length; i += BATCH) {
        const items: DraftToIssue[] = [];
        for (const familyId of families.slice(i, i + BATCH)) {
          try {
            const draft = draftInvoice({ familyId, period, days: inputs.days.get(familyId)!, quotients: inputs.quotients.get(familyId) ?? [], tariffs: book });
            if (draft) items.push({ key: monthlyInvoiceKey(familyId, period), draft, kind: 'monthly', correctsInvoiceId: null });
            else counts.skipped += 1;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            counts.failed += 1;
            errors.push({ familyId, code: error.code, message: `${error.title}${error.detail ? ` (${error.detail})` : ''}` });
          }
        }
        for (const outcome of await this.issuer.issue(items, dates, context)) {
          if (outcome.outcome === 'issued') {
            counts.issued += 1;
            counts.amount_cents += outcome.totalCents;
          } else counts.skipped += 1;
        }
        counts.done = Math.min(i + BATCH, families.length);
        await save();
      }
      await save({ status: 'completed', finished_at: this.clock.now() });
      await this.repository.record(
        billingRunStream(runId),
        [{ type: 'BillingRunCompleted', data: { runId, period, ...counts, failed: counts.failed } }],
        context,
      );
      this.logger.info({ runId, period, ...counts, ms: Date.now() - started }, 'billing run completed');
    } catch (error) {
      errors.push({
        familyId: null,
        code: error instanceof AppError ? error.code : 'BILLING.RUN_FAILED',
        message: error instanceof AppError ? error.title : 'La facturation s’est interrompue.',
      });
      await save({ status: 'failed', finished_at: this.clock.now() }).catch(() => undefined);
      this.logger.error({ runId, period, err: error instanceof Error ? error.message : String(error) }, 'billing run failed');
      throw error;
    }
  }
}
