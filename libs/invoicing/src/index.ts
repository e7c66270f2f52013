/**
 * Invoicing, payments and finance. Wiring: InvoicingModule in the app module,
 * invoicingMigrations in ALL_MIGRATIONS, INVOICING_PROJECTORS in ALL_PROJECTORS.
 */
import { billingInputsProjector } from './projections/billing-inputs.projector.js';
import { financeProjector } from './projections/finance.projector.js';

export const INVOICING_PROJECTORS = [billingInputsProjector, financeProjector];

export * from './invoicing.module.js';
export * from './invoicing.migrations.js';
export * from './billing-run/billing-run.service.js';
export * from './billing-run/billing-scheduler.js';
export * from './domain/billing.js';
export * from './domain/invoice-events.js';
export * from './domain/invoice-number.js';
export * from './domain/invoice-state.js';
export * from './domain/money.js';
export * from './domain/reconciliation.js';
export * from './domain/tariff.js';
export * from './domain/tariff.decider.js';
export * from './numbering/invoice-numbering.js';
export * from './projections/billing-inputs.projector.js';
export * from './projections/finance.projector.js';
export * from './projections/finance.tables.js';
export * from './tariffs/tariffs.service.js';
export * from './reconciliation/reconciliation.service.js';
export * from './payments/payfip/payfip.service.js';
export * from './payments/payfip/payfip-sandbox.js';
export * from './payments/payfip/payfip-protocol.js';
export * from './seed/demo-tariffs.js';
export * from './domain/audited-invoice.js';
export * from './notifications/invoicing-notifications.js';
export * from './corrections/invoice-commands.service.js';
