import { Module } from '@nestjs/common';
import { CLOCK, type Clock } from '#ardoise/commands';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { BillingInputsReader } from './billing-run/billing-inputs.reader.js';
import { BillingRunService } from './billing-run/billing-run.service.js';
import { BillingRunsController } from './billing-run/billing-runs.controller.js';
import { BillingScheduler } from './billing-run/billing-scheduler.js';
import { InvoiceIssuer } from './billing-run/invoice-issuer.js';
import { InvoiceNumbering } from './numbering/invoice-numbering.js';
import { InvoiceNamesReader } from './pdf/invoice-names.js';
import { InvoicePdf } from './pdf/invoice-pdf.js';
import { InvoiceQueries } from './queries/invoice-queries.js';
import { InvoicesController } from './queries/invoices.controller.js';
import { TariffsController } from './tariffs/tariffs.controller.js';
import { TariffsService } from './tariffs/tariffs.service.js';

/** Invoicing, payments and the finance office (DESIGN.md §3 "Invoicing and payments"). */
@Module({
  controllers: [TariffsController, BillingRunsController, InvoicesController],
  providers: [
    { provide: InvoiceNumbering, inject: [EVENT_STORE, CLOCK], useFactory: (store: EventStore, clock: Clock) => new InvoiceNumbering(store, clock) },
    TariffsService,
    BillingInputsReader,
    InvoiceIssuer,
    BillingRunService,
    BillingScheduler,
    InvoiceQueries,
    InvoiceNamesReader,
    InvoicePdf,
  ],
  exports: [BillingRunService, TariffsService, InvoiceQueries],
})
export class InvoicingModule {}
