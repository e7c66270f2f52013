/**
 * Invoicing, payments and finance. Wiring: InvoicingModule in the app module,
 * invoicingMigrations in ALL_MIGRATIONS, INVOICING_PROJECTORS in ALL_PROJECTORS,
 * invoicingNotifications in messaging's notifications.
 */
import { billingInputsProjector } from './projections/billing-inputs.projector.js';
import { financeProjector } from './projections/finance.projector.js';

export const INVOICING_PROJECTORS = [billingInputsProjector, financeProjector];

export { InvoicingModule } from './invoicing.module.js';
export { invoicingMigrations } from './invoicing.migrations.js';
export { billingInputsProjector } from './projections/billing-inputs.projector.js';
export { financeProjector } from './projections/finance.projector.js';
export { invoicingNotifications, INVOICES_PAGE } from './projections/invoicing-notifications.js';
export { seedDemoTariffs } from './seed/demo-tariffs.js';
export { PAYFIP_SANDBOX_PATH, payfipSandbox } from './payments/payfip/payfip-sandbox.js';

// What the CLI, the seeds and the bench ask of invoicing, on the buses.
export { StartBillingRun } from './commands/start-billing-run/start-billing-run.command.js';
export { SetServiceTariff } from './commands/set-service-tariff/set-service-tariff.command.js';
export { IssueCreditNote } from './commands/issue-credit-note/issue-credit-note.command.js';
export { RecordDeskPayment } from './commands/record-desk-payment/record-desk-payment.command.js';
export { ListBillingRuns } from './queries/list-billing-runs/list-billing-runs.query.js';
export { ReconcileAccounts } from './queries/reconcile-accounts/reconcile-accounts.query.js';

// The audit replays invoicing's streams with these deciders.
export { auditedBillingRunDecider, auditedInvoiceDecider, auditedNumberingDecider, auditedTariffDecider } from './domain/audited-invoice.js';
export { billingRunStream, invoiceStream } from './domain/invoice-events.js';
export { creditNoteNumberingStream, numberingStream } from './domain/invoice-number.js';
export { tariffStream } from './domain/tariff.decider.js';
export { PERIOD_PATTERN } from './domain/billing.js';
export { formatEuros } from './domain/money.js';
