import { Module } from '@nestjs/common';
import { CLOCK, type Clock } from '#ardoise/commands';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { BillingInputsCatchUp } from './billing-run/billing-inputs-catch-up.js';
import { BillingInputsReader } from './billing-run/billing-inputs.reader.js';
import { BillingRunService } from './billing-run/billing-run.service.js';
import { BillingRunsController } from './billing-run/billing-runs.controller.js';
import { BillingScheduler } from './billing-run/billing-scheduler.js';
import { InvoiceIssuer } from './billing-run/invoice-issuer.js';
import { CollectionService } from './corrections/collection.service.js';
import { CorrectionService } from './corrections/correction.service.js';
import { InvoiceActionsController } from './corrections/invoice-actions.controller.js';
import { InvoiceCommands } from './corrections/invoice-commands.service.js';
import { CreditNoteNumbering, InvoiceNumbering } from './numbering/invoice-numbering.js';
import { DirectDebitService } from './payments/direct-debit/direct-debit.service.js';
import { FinanceFiles } from './payments/direct-debit/finance-files.js';
import { PayfipController } from './payments/payfip/payfip.controller.js';
import { PayfipJobs } from './payments/payfip/payfip-jobs.js';
import { PayfipService } from './payments/payfip/payfip.service.js';
import { InvoiceExplanationController } from './explanation/invoice-explanation.controller.js';
import { InvoiceExplanationService } from './explanation/invoice-explanation.service.js';
import { PaymentsOfficeController } from './payments/payments-office/payments-office.controller.js';
import { PaymentsOfficeQueries } from './payments/payments-office/payments-office.queries.js';
import { InvoiceNamesReader } from './pdf/invoice-names.js';
import { InvoicePdf } from './pdf/invoice-pdf.js';
import { FinanceController } from './queries/finance.controller.js';
import { FinanceQueries } from './queries/finance-queries.js';
import { InvoiceQueries } from './queries/invoice-queries.js';
import { InvoicesController } from './queries/invoices.controller.js';
import { ReconciliationService } from './reconciliation/reconciliation.service.js';
import { BillingPreviewController } from './billing-preview/billing-preview.controller.js';
import { BillingPreviewService } from './billing-preview/billing-preview.service.js';
import { FinanceDashboardController } from './finance-dashboard/finance-dashboard.controller.js';
import { FinanceDashboardQueries } from './finance-dashboard/finance-dashboard.queries.js';
import { TariffsController } from './tariffs/tariffs.controller.js';
import { TariffsService } from './tariffs/tariffs.service.js';

/** Invoicing, payments and the finance office (docs/architecture.md §4). */
@Module({
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
    { provide: InvoiceNumbering, inject: [EVENT_STORE, CLOCK], useFactory: (store: EventStore, clock: Clock) => new InvoiceNumbering(store, clock) },
    { provide: CreditNoteNumbering, inject: [EVENT_STORE, CLOCK], useFactory: (store: EventStore, clock: Clock) => new CreditNoteNumbering(store, clock) },
    TariffsService,
    BillingInputsReader,
    BillingInputsCatchUp,
    InvoiceIssuer,
    BillingRunService,
    BillingScheduler,
    InvoiceQueries,
    InvoiceNamesReader,
    InvoicePdf,
    InvoiceCommands,
    CorrectionService,
    FinanceFiles,
    DirectDebitService,
    CollectionService,
    FinanceQueries,
    ReconciliationService,
    PayfipService,
    PayfipJobs,
    InvoiceExplanationService,
    PaymentsOfficeQueries,
    BillingPreviewService,
    FinanceDashboardQueries,
  ],
  exports: [BillingRunService, TariffsService, InvoiceQueries, ReconciliationService, PayfipService],
})
export class InvoicingModule {}
