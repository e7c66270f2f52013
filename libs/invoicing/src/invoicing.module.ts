import { Module } from '@nestjs/common';
import { CatalogueModule } from '#ardoise/catalogue';
import { CLOCK, type Clock } from '#ardoise/commands';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { BillingInputsCatchUp } from './billing-run/billing-inputs-catch-up.js';
import { BillingInputsReader } from './billing-run/billing-inputs.reader.js';
import { InvoiceIssuer } from './billing-run/invoice-issuer.js';
import { CollectDirectDebitsHandler } from './commands/collect-direct-debits/collect-direct-debits.handler.js';
import { IssueCreditNoteHandler } from './commands/issue-credit-note/issue-credit-note.handler.js';
import { RecordDeskPaymentHandler } from './commands/record-desk-payment/record-desk-payment.handler.js';
import { RefundPaymentHandler } from './commands/refund-payment/refund-payment.handler.js';
import { ReissueInvoiceHandler } from './commands/reissue-invoice/reissue-invoice.handler.js';
import { RejectDirectDebitHandler } from './commands/reject-direct-debit/reject-direct-debit.handler.js';
import { RepairPayfipOperationsHandler } from './commands/repair-payfip-operations/repair-payfip-operations.handler.js';
import { SendToCollectionHandler } from './commands/send-to-collection/send-to-collection.handler.js';
import { SetServiceTariffHandler } from './commands/set-service-tariff/set-service-tariff.handler.js';
import { SettlePayfipOperationHandler } from './commands/settle-payfip-operation/settle-payfip-operation.handler.js';
import { StartBillingRunHandler } from './commands/start-billing-run/start-billing-run.handler.js';
import { StartPayfipPaymentHandler } from './commands/start-payfip-payment/start-payfip-payment.handler.js';
import { BillingPreviewController } from './http/billing-preview.controller.js';
import { BillingRunsController } from './http/billing-runs.controller.js';
import { FinanceDashboardController } from './http/finance-dashboard.controller.js';
import { FinanceController } from './http/finance.controller.js';
import { InvoiceActionsController } from './http/invoice-actions.controller.js';
import { InvoiceExplanationController } from './http/invoice-explanation.controller.js';
import { InvoicesController } from './http/invoices.controller.js';
import { PayfipController } from './http/payfip.controller.js';
import { PaymentsOfficeController } from './http/payments-office.controller.js';
import { TariffsController } from './http/tariffs.controller.js';
import { InvoiceWriter } from './invoices/invoice-writer.js';
import { BillingScheduler } from './jobs/billing-scheduler.js';
import { PayfipJobs } from './jobs/payfip-jobs.js';
import { CreditNoteNumbering, InvoiceNumbering } from './numbering/invoice-numbering.js';
import { FinanceFiles } from './payments/direct-debit/finance-files.js';
import { PayfipEndpoints } from './payments/payfip/payfip-endpoints.js';
import { InvoiceNamesReader } from './pdf/invoice-names.js';
import { CountMealsHandler } from './queries/count-meals/count-meals.handler.js';
import { ExplainInvoiceHandler } from './queries/explain-invoice/explain-invoice.handler.js';
import { FindInvoicesByNumberHandler } from './queries/find-invoices-by-number/find-invoices-by-number.handler.js';
import { GetBillingRunHandler } from './queries/get-billing-run/get-billing-run.handler.js';
import { GetCollectionSummaryHandler } from './queries/get-collection-summary/get-collection-summary.handler.js';
import { GetFamilyStatementHandler } from './queries/get-family-statement/get-family-statement.handler.js';
import { GetFinanceDashboardHandler } from './queries/get-finance-dashboard/get-finance-dashboard.handler.js';
import { GetFinanceFileHandler } from './queries/get-finance-file/get-finance-file.handler.js';
import { GetInvoiceHandler } from './queries/get-invoice/get-invoice.handler.js';
import { ListBillingRunsHandler } from './queries/list-billing-runs/list-billing-runs.handler.js';
import { ListFamilyInvoicesHandler } from './queries/list-family-invoices/list-family-invoices.handler.js';
import { ListFinanceFilesHandler } from './queries/list-finance-files/list-finance-files.handler.js';
import { ListInvoicesHandler } from './queries/list-invoices/list-invoices.handler.js';
import { ListMandatesHandler } from './queries/list-mandates/list-mandates.handler.js';
import { ListOutstandingHandler } from './queries/list-outstanding/list-outstanding.handler.js';
import { ListPaymentMeansHandler } from './queries/list-payment-means/list-payment-means.handler.js';
import { ListPaymentsHandler } from './queries/list-payments/list-payments.handler.js';
import { ListPayfipOperationsHandler } from './queries/list-payfip-operations/list-payfip-operations.handler.js';
import { ListTariffsHandler } from './queries/list-tariffs/list-tariffs.handler.js';
import { PreviewBillingHandler } from './queries/preview-billing/preview-billing.handler.js';
import { ReconcileAccountsHandler } from './queries/reconcile-accounts/reconcile-accounts.handler.js';
import { RenderInvoicePdfHandler } from './queries/render-invoice-pdf/render-invoice-pdf.handler.js';
import { TariffBookReader } from './tariffs/tariff-book.reader.js';

const COMMAND_HANDLERS = [
  SetServiceTariffHandler,
  StartBillingRunHandler,
  IssueCreditNoteHandler,
  ReissueInvoiceHandler,
  RecordDeskPaymentHandler,
  RefundPaymentHandler,
  RejectDirectDebitHandler,
  SendToCollectionHandler,
  CollectDirectDebitsHandler,
  StartPayfipPaymentHandler,
  SettlePayfipOperationHandler,
  RepairPayfipOperationsHandler,
];

const QUERY_HANDLERS = [
  ListTariffsHandler,
  ListBillingRunsHandler,
  GetBillingRunHandler,
  PreviewBillingHandler,
  ListFamilyInvoicesHandler,
  FindInvoicesByNumberHandler,
  GetInvoiceHandler,
  RenderInvoicePdfHandler,
  ListInvoicesHandler,
  ExplainInvoiceHandler,
  ListPaymentsHandler,
  ListOutstandingHandler,
  GetFamilyStatementHandler,
  GetCollectionSummaryHandler,
  CountMealsHandler,
  ReconcileAccountsHandler,
  GetFinanceFileHandler,
  GetFinanceDashboardHandler,
  ListPaymentMeansHandler,
  ListPayfipOperationsHandler,
  ListMandatesHandler,
  ListFinanceFilesHandler,
];

/** Invoicing, payments and the finance office (docs/architecture.md §4). */
@Module({
  imports: [CatalogueModule],
  controllers: [
    TariffsController,
    BillingRunsController,
    InvoicesController,
    InvoiceActionsController,
    FinanceController,
    PayfipController,
    InvoiceExplanationController,
    PaymentsOfficeController,
    BillingPreviewController,
    FinanceDashboardController,
  ],
  providers: [
    ...COMMAND_HANDLERS,
    ...QUERY_HANDLERS,
    { provide: InvoiceNumbering, inject: [EVENT_STORE, CLOCK], useFactory: (store: EventStore, clock: Clock) => new InvoiceNumbering(store, clock) },
    { provide: CreditNoteNumbering, inject: [EVENT_STORE, CLOCK], useFactory: (store: EventStore, clock: Clock) => new CreditNoteNumbering(store, clock) },
    TariffBookReader,
    BillingInputsReader,
    BillingInputsCatchUp,
    InvoiceIssuer,
    InvoiceWriter,
    InvoiceNamesReader,
    FinanceFiles,
    PayfipEndpoints,
    BillingScheduler,
    PayfipJobs,
  ],
})
export class InvoicingModule {}
