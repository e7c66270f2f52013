import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CLOCK, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { AppConfig } from '#ardoise/runtime';
import { AppError } from '#ardoise/kernel';
import { InvoiceWriter } from '../../invoices/invoice-writer.js';
import { DebtorAccounts } from '../../payments/direct-debit/debtor-accounts.js';
import { FinanceFiles } from '../../payments/direct-debit/finance-files.js';
import { pain008, type DirectDebitTransaction } from '../../payments/direct-debit/pain008.js';
import { InvoiceNamesReader } from '../../pdf/invoice-names.js';
import { periodLabel } from '../../pdf/invoice-print.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { CollectDirectDebits, type DirectDebitBatch } from './collect-direct-debits.command.js';

/**
 * Collects, on their due date, the invoices of families with a direct-debit mandate: each
 * is recorded as paid by direct debit (a later rejection reverses it and reopens the
 * invoice) and listed in the pain.008 file for the bank.
 */
@CommandHandler(CollectDirectDebits)
export class CollectDirectDebitsHandler implements ICommandHandler<CollectDirectDebits> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(InvoiceWriter) private readonly invoices: InvoiceWriter,
    @Inject(FinanceFiles) private readonly files: FinanceFiles,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(InvoiceNamesReader) private readonly names: InvoiceNamesReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ dueOn }: CollectDirectDebits): Promise<DirectDebitBatch> {
    return this.collect(dueOn ?? this.clock.now().toISOString().slice(0, 10));
  }

  async collect(dueOn: string) {
    const due = await this.db
      .selectFrom('invoicing_invoices as i')
      .innerJoin('invoicing_mandates as m', 'm.family_id', 'i.family_id')
      .select(['i.invoice_id', 'i.number', 'i.period', 'i.family_id', 'i.outstanding_cents', 'm.mandate_reference', 'm.signed_on'])
      .where('m.active', '=', true)
      .where('i.due_date', '<=', dueOn)
      .where('i.outstanding_cents', '>', 0)
      .where('i.status', 'in', ['issued', 'partially_paid'])
      .orderBy('i.number')
      .execute();
    const messageId = `ARD-${dueOn.replaceAll('-', '')}-${randomUUID().slice(0, 8)}`;
    const transactions: DirectDebitTransaction[] = [];
    const refused: { number: string; code: string }[] = [];
    /** Families not collected, one French line each (no IBAN on the mandate, or erased): the export report. */
    const skipped: { number: string; reason: 'no_account' | 'erased'; line: string }[] = [];
    const accounts = new DebtorAccounts(this.store, this.db);
    for (const invoice of due) {
      // The account first: an invoice is recorded as collected only if it is in the file.
      const debtor = await accounts.of(invoice.family_id, invoice.number);
      if (!debtor.found) {
        skipped.push({ number: invoice.number, reason: debtor.reason, line: debtor.line });
        continue;
      }
      try {
        await this.invoices.apply(invoice.invoice_id, {
          type: 'RecordPayment',
          paymentId: randomUUID(),
          means: 'direct_debit',
          amountCents: invoice.outstanding_cents,
          paidOn: dueOn,
          reference: messageId,
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.push({ number: invoice.number, code: error.code }); // paid meanwhile: not collected
        continue;
      }
      transactions.push({
        endToEndId: invoice.number,
        amountCents: invoice.outstanding_cents,
        mandateReference: invoice.mandate_reference,
        mandateSignedOn: invoice.signed_on,
        debtorName: `Famille ${(await this.names.forFamily(invoice.family_id)).familyName ?? ''}`.trim(),
        debtorIban: debtor.account.iban,
        debtorBic: debtor.account.bic,
        remittance: `Facture ${invoice.number} ${periodLabel(invoice.period)}`,
      });
    }
    const totalCents = transactions.reduce((s, t) => s + t.amountCents, 0);
    const content = pain008({
      messageId,
      createdAt: new Date().toISOString().slice(0, 19),
      collectionDate: dueOn,
      creditor: { name: this.config.TOWN_NAME, iban: this.config.SEPA_CREDITOR_IBAN, creditorId: this.config.SEPA_CREDITOR_ID },
      transactions,
    });
    const file = await this.files.save({
      kind: 'sepa_collection',
      fileName: `prelevements-${dueOn}.xml`,
      mediaType: 'application/xml',
      content,
      summary: { messageId, dueOn, count: transactions.length, totalCents, refused, skipped },
    });
    return { ...file, count: transactions.length, totalCents, invoices: transactions.map((t) => t.endToEndId), skipped, report: skipped.map((s) => s.line) };
  }
}
