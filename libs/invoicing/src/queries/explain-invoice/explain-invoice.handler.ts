import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ExplainedEvent, ExplainedLine, InvoiceExplanation } from '#ardoise/contracts';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type RecordedEvent } from '#ardoise/event-store';
import { NotFoundError, streamName } from '#ardoise/kernel';
import type { InvoiceLine } from '../../domain/billing.js';
import { invoiceStream, type InvoiceIssued } from '../../domain/invoice-events.js';
import { formatFrenchDate } from '../../domain/money.js';
import { TARIFF_SET, tariffStream } from '../../domain/tariff.decider.js';
import type { Tariff } from '../../domain/tariff.js';
import { InvoiceNamesReader } from '../../pdf/invoice-names.js';
import { explainEvent } from '../../explanation/event-facts.js';
import { decisiveEvents, LINE_RULES, type DayFact } from '../../explanation/line-evidence.js';
import { ExplainInvoice } from './explain-invoice.query.js';

/** Event types of a service day that concern one child's booking and attendance. */
const DAY_TYPES = new Set([
  'ReservationValidated',
  'ReservationPromoted',
  'ReservationWaitlisted',
  'ReservationRejected',
  'ReservationSubmitted',
  'ReservationCancelled',
  'DeadlineOverridden',
  'AbsenceDeclared',
  'AbsenceJustified',
  'AttendanceRecorded',
]);

/**
 * « Pourquoi ce montant ? »: each line of an invoice traced back to the log — the events of
 * each day billed (service-day streams: booking, override, attendance, justification), the
 * version of the price grid (`TariffSet` of `tariff-<service>`) and the quotient familial
 * (`QuotientFamilialSet` of `family-<id>`) the line recorded. Read from the event store, not
 * from a read model: what it shows is what the auditor replays.
 */
@QueryHandler(ExplainInvoice)
export class ExplainInvoiceHandler implements IQueryHandler<ExplainInvoice> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(InvoiceNamesReader) private readonly names: InvoiceNamesReader,
  ) {}

  async execute({ invoiceId }: ExplainInvoice): Promise<InvoiceExplanation> {
    const issuedEvent = (await this.read(invoiceStream(invoiceId))).find((e) => e.type === 'InvoiceIssued');
    if (!issuedEvent) throw new NotFoundError('INVOICE.NOT_FOUND', 'Facture introuvable.');
    const invoice = issuedEvent.data as InvoiceIssued['data'];
    const [names, quotients] = await Promise.all([
      this.names.forFamily(invoice.familyId),
      this.read(streamName('family', invoice.familyId)).then((events) => events.filter((e) => e.type === 'QuotientFamilialSet')),
    ]);
    const tariffs = new Map<string, RecordedEvent[]>();
    const days = new Map<string, Promise<RecordedEvent[]>>();
    const dayEvents = (serviceCode: string, date: string) => {
      const key = streamName('service_day', serviceCode, date);
      if (!days.has(key)) days.set(key, this.read(key));
      return days.get(key)!;
    };
    const lines: ExplainedLine[] = [];
    for (const [index, line] of invoice.lines.entries()) {
      if (!tariffs.has(line.serviceCode))
        tariffs.set(
          line.serviceCode,
          (await this.read(tariffStream(line.serviceCode))).filter((e) => e.type === TARIFF_SET),
        );
      const dates = await Promise.all(line.dates.map(async (date) => ({ date, events: this.childEventsOfDay(line, await dayEvents(line.serviceCode, date)) })));
      lines.push({
        lineNo: index + 1,
        childId: line.childId,
        childName: names.children.get(line.childId) ?? null,
        serviceCode: line.serviceCode,
        serviceLabel: names.services.get(line.serviceCode) ?? null,
        kind: line.kind,
        days: line.days,
        unitPriceCents: line.unitPriceCents,
        amountCents: line.amountCents,
        rule: LINE_RULES[line.kind],
        tariff: this.tariffOf(line, tariffs.get(line.serviceCode)!),
        quotient: this.quotientOf(line, quotients),
        dates,
      });
    }
    return {
      invoiceId,
      number: invoice.number,
      familyId: invoice.familyId,
      familyName: names.familyName,
      period: invoice.period,
      totalCents: invoice.totalCents,
      issuedEvent: explainEvent(issuedEvent, this.store.positions),
      lines,
    };
  }

  private childEventsOfDay(line: InvoiceLine, events: RecordedEvent[]): ExplainedEvent[] {
    const mine = events.filter((e) => DAY_TYPES.has(e.type) && (e.data as { childId?: string }).childId === line.childId);
    const decisive = decisiveEvents(
      line.kind,
      mine.map((e): DayFact => ({ id: e.id, type: e.type, data: e.data as DayFact['data'] })),
    );
    return mine.map((e) => explainEvent(e, this.store.positions, decisive.has(e.id)));
  }

  private tariffOf(line: InvoiceLine, versions: RecordedEvent[]): ExplainedLine['tariff'] {
    const event = versions.find((e) => (e.data as Tariff).version === line.tariffVersion);
    const tariff = event?.data as Tariff | undefined;
    const bracket = tariff?.brackets.find((b) => b.code === line.bracketCode);
    return {
      version: line.tariffVersion,
      effectiveFrom: tariff?.effectiveFrom ?? null,
      bracket: {
        code: line.bracketCode,
        label: bracket?.label ?? null,
        qfFrom: bracket?.qfFrom ?? null,
        qfTo: bracket?.qfTo ?? null,
        unitPriceCents: bracket?.unitPriceCents ?? null,
        cantineAUnEuro: line.cantineAUnEuro,
      },
      lateBookingSurchargeCents: tariff?.lateBookingSurchargeCents ?? null,
      unbookedPresenceSurchargeCents: tariff?.unbookedPresenceSurchargeCents ?? null,
      event: event ? explainEvent(event, this.store.positions, true) : null,
    };
  }

  /** The QuotientFamilialSet in force on the line's first day (the last one set covering it), as billing chose it. */
  private quotientOf(line: InvoiceLine, events: RecordedEvent[]): ExplainedLine['quotient'] {
    if (line.quotient === null) {
      return { amount: null, explanation: 'Aucun quotient familial valable ce mois-là : la tranche la plus haute s’applique.', event: null };
    }
    const day = line.dates[0];
    const event = [...events].reverse().find((e) => {
      const d = e.data as { amount: number; validFrom: string; validUntil: string };
      return d.validFrom <= day && day <= d.validUntil;
    });
    const amount = line.quotient;
    return {
      amount,
      explanation: `Quotient familial de ${amount} € en vigueur le ${formatFrenchDate(day)} : tranche ${line.bracketCode}.`,
      event: event ? explainEvent(event, this.store.positions, true) : null,
    };
  }

  private async read(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(streamId)) events.push(event);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }
}
