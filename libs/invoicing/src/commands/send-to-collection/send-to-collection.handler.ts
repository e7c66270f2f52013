import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CLOCK, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AppConfig } from '#ardoise/runtime';
import { AppError, NotFoundError, RuleViolationError } from '#ardoise/kernel';
import { refdetOf } from '../../domain/invoice.decider.js';
import { frenchCsv } from '../../exports/french-csv.js';
import { InvoiceWriter } from '../../invoices/invoice-writer.js';
import { FinanceFiles } from '../../payments/direct-debit/finance-files.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { SendToCollection, type CollectionBatch } from './send-to-collection.command.js';

/**
 * Unpaid invoices past their due date go to the public accountant (Trésor public), who
 * issues the titre exécutoire / avis des sommes à payer (ASAP) and collects. Each is marked
 * `InvoiceSentToCollection`; the batch is exported for the accountant.
 */
@CommandHandler(SendToCollection)
export class SendToCollectionHandler implements ICommandHandler<SendToCollection> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(InvoiceWriter) private readonly invoices: InvoiceWriter,
    @Inject(FinanceFiles) private readonly files: FinanceFiles,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  execute({ asOf, invoiceId }: SendToCollection): Promise<CollectionBatch> {
    // From an invoice's page: today in Paris; a batch: the day asked for, or today's date (UTC), as before.
    return this.send(invoiceId ? this.invoices.today() : (asOf ?? this.clock.now().toISOString().slice(0, 10)), invoiceId);
  }

  async send(asOf: string, invoiceId: string | undefined) {
    const columns = ['invoice_id', 'number', 'family_id', 'period', 'issued_on', 'due_date', 'outstanding_cents'] as const;
    let query = this.db
      .selectFrom('invoicing_invoices')
      .select(columns)
      .where('due_date', '<', asOf)
      .where('outstanding_cents', '>', 0)
      .where('status', 'in', ['issued', 'partially_paid']);
    // One invoice asked for by name: the decider says why it cannot go (not overdue, nothing due…).
    if (invoiceId) query = this.db.selectFrom('invoicing_invoices').select(columns).where('invoice_id', '=', invoiceId);
    const overdue = await query.orderBy('number').execute();
    if (invoiceId && overdue.length === 0) throw new NotFoundError('INVOICE.NOT_FOUND', 'Facture introuvable.');
    const batchId = randomUUID();
    const sent: typeof overdue = [];
    for (const invoice of overdue) {
      try {
        const result = await this.invoices.apply(invoice.invoice_id, { type: 'SendToCollection', batchId, sentOn: asOf });
        if (result.events.length === 0 && invoiceId) {
          throw new RuleViolationError('INVOICE.SENT_TO_COLLECTION', 'Cette facture a déjà été transmise au comptable public.');
        }
        if (result.events.length > 0) sent.push({ ...invoice, outstanding_cents: result.outstandingCents });
      } catch (error) {
        if (!(error instanceof AppError) || invoiceId) throw error; // in a batch: paid meanwhile
      }
    }
    const content = frenchCsv<(typeof overdue)[number]>(
      [
        { header: 'Numéro de facture', value: (r) => r.number },
        { header: 'Référence de la dette', value: (r) => refdetOf(r.number) },
        { header: 'Identifiant structure publique', value: () => this.config.PAYFIP_NUMCLI },
        { header: 'Famille', value: (r) => r.family_id },
        { header: 'Mois', value: (r) => r.period },
        { header: 'Émise le', value: (r) => ({ date: r.issued_on }) },
        { header: 'Échéance', value: (r) => ({ date: r.due_date }) },
        { header: 'Reste à recouvrer (€)', value: (r) => ({ cents: r.outstanding_cents }) },
      ],
      sent,
    );
    const totalCents = sent.reduce((s, r) => s + r.outstanding_cents, 0);
    const file = await this.files.save({
      kind: 'collection_titles',
      fileName: `titres-${asOf}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      content,
      summary: { batchId, asOf, count: sent.length, totalCents },
    });
    return { ...file, batchId, count: sent.length, totalCents };
  }
}
