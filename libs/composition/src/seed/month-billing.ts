import { inParallel } from '#ardoise/kernel';
import { CommandBus } from '@nestjs/cqrs';
import { runInContext, systemContext } from '#ardoise/commands';
import type { Position } from '#ardoise/event-store';
import { billingInputsProjector, IssueCreditNote, RecordDeskPayment, StartBillingRun } from '#ardoise/invoicing';
import { catchUpReadModels, lastPosition } from './read-models.js';
import { nextMonth } from './school-calendar.js';
import { prng, seededUuid, seedOf } from './seeded-random.js';
import { asActor, FINANCE, type SeedRun } from './seed-run.js';
import type { SeededFamily } from './town-families.js';

interface IssuedInvoice {
  invoiceId: string;
  totalCents: number;
  family: SeededFamily;
}

/**
 * The month's billing run (once the billing read model holds the month's facts), then, ten
 * days later, what finance records at the desk: most invoices paid in cash or by cheque, a
 * few cancelled by a credit note. Returns the number of invoices issued.
 *
 * Each invoice's fate is drawn from its own seed (family, month), and the credit notes take
 * their numbers in the families' order: the same seed number gives the same numbers.
 */
export async function billMonth(run: SeedRun, familiesById: ReadonlyMap<string, SeededFamily>, month: string): Promise<number> {
  await catchUpReadModels(run.infrastructure, [billingInputsProjector]);
  const issuedFrom = await lastPosition(run.infrastructure.store);
  run.clock.set(new Date(`${nextMonth(month)}-01T06:00:00Z`));
  const bus = run.app.get(CommandBus);
  await runInContext(systemContext(FINANCE), () => bus.execute(new StartBillingRun(month, 'cli', true)));
  const invoices = await issuedSince(run, familiesById, issuedFrom);

  run.clock.set(new Date(`${nextMonth(month)}-12T09:00:00Z`));
  const credited: IssuedInvoice[] = [];
  const paid: { invoice: IssuedInvoice; means: 'cash' | 'cheque' }[] = [];
  for (const invoice of invoices) {
    const draw = prng(seedOf(run.seed, 'invoice', invoice.family.index, month))();
    if (draw < 0.02) credited.push(invoice);
    else if (draw < 0.9 && invoice.totalCents > 0) paid.push({ invoice, means: draw < 0.5 ? 'cash' : 'cheque' });
  }
  await inParallel(paid, run.concurrency, ({ invoice, means }) =>
    asActor(FINANCE, () =>
      bus.execute(
        new RecordDeskPayment(invoice.invoiceId, {
          means,
          amountCents: invoice.totalCents,
          paidOn: `${nextMonth(month)}-12`,
          reference: null,
          paymentId: seededUuid('seed', run.seed, 'payment', invoice.invoiceId),
        }),
      ),
    ),
  );
  // One after the other: the credit notes' numbers follow the families' order.
  for (const invoice of credited) await asActor(FINANCE, () => bus.execute(new IssueCreditNote(invoice.invoiceId, 'whole', 'Erreur de saisie')));
  return invoices.length;
}

/** The invoices issued after `from`, in the families' order. */
async function issuedSince(run: SeedRun, familiesById: ReadonlyMap<string, SeededFamily>, from: Position | undefined): Promise<IssuedInvoice[]> {
  const invoices: IssuedInvoice[] = [];
  for await (const event of run.infrastructure.store.readAll({ fromPosition: from, filter: { eventTypes: ['InvoiceIssued'] } })) {
    const data = event.data as { invoiceId: string; totalCents: number; familyId: string };
    const family = familiesById.get(data.familyId);
    if (family) invoices.push({ invoiceId: data.invoiceId, totalCents: data.totalCents, family });
  }
  return invoices.sort((a, b) => a.family.index - b.family.index);
}
